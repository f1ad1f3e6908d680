# Shell
app-name = Partner Center
skip-to-content = Skip to main content
language-label = Language
settings = Settings
settings-users = User management
settings-partner = Partner settings
sign-out = Sign out
main-navigation = Main navigation
nav-overview = Overview
demo-badge = demo data
demo-badge-explained = The data of this demo stays in your browser.
loading = Loading…
dismiss = Dismiss
retry = Try again
signed-in-as = Signed in as { $name }
signed-out-notice = You are signed out.

# Start-up
config-error-title = Partner Center cannot start
config-error-body = The app's configuration file is missing or invalid. Check that config.json is published with the app and points at the right server.
config-error-detail = Technical detail: { $detail }
startup-incomplete-body = Part of Partner Center could not be loaded: check your connection and reload the page.

# Not found
not-found-title = Page not found
not-found-body = The address { $path } does not match any Partner Center page.
not-found-home = Back to home

# Errors shown to the user, by stable key
error-network = The server cannot be reached. Check your connection.
error-timeout = The server is not answering. Try again in a moment.
error-server = The server ran into a problem. Try again in a moment.
error-decode = The server's answer could not be read.
error-unauthenticated = Your session has expired. Sign in again.
error-forbidden = You do not have the required permission.
error-not-found = Not found.
error-conflict = This conflicts with the current state.
error-rate-limited = Too many attempts. Wait before trying again.
error-other = The request did not go through.

# Welcome (wizard step 1)
welcome-title = Welcome
welcome-intro = Create a Partner Center account to manage network benefits and competencies.
roles-title = Appropriate roles
role-global-admin = Global admin
role-admin-agent = Admin agent
welcome-membership = Before you can create a Partner Center account or enroll in a partner program, your company must be a member of the Microsoft Partner Network. If you're not a member of the network, you can
welcome-join-now = join now
welcome-video = After you create a Partner Center account, watch this short video:
video-dashboard = Discover your dashboard
before-you-begin = Before you begin
before-you-begin-intro = To create a Partner Center account, you need to have the following information on hand. You may want to take a few minutes to gather these items before you begin:
checklist-admin-email = Global admin work email.
checklist-admin-email-why = You sign in with this account to create the partner account.
checklist-work-account = Your company's work account.
checklist-work-account-why = If your company doesn't have a work account, you can create one during the account creation process.
checklist-legal = Legal business name and address.
checklist-legal-why = And the company's phone number. We check these details to confirm that your company exists.
checklist-signing = Authority to sign agreements.
checklist-signing-why = Make sure you're authorized to sign agreements on behalf of your company, because you'll be asked to do so during enrollment.
checklist-contact = Name and work email address of the person you want to be the primary contact.
checklist-contact-why = To help keep your company safe and private, we'll email your primary contact to verify (1) that they're registered for a Partner Center account and (2) that this email address belongs to your company.
work-account-help-before = If you don't know your company's work account, see
work-account-help-link = Your company's work account and Partner Center
work-account-help-what = Partner Center uses your company's work account, the directory of its users at a domain such as contoso.onmicrosoft.com, to know who may sign in and what each of them may do.
work-account-help-have-title = Your company may already have one
work-account-help-have = If your company uses Microsoft online services (Microsoft 365, Azure, Dynamics 365), it has a work account. Sign in with the address of one of its global admins; your IT department knows who they are.
work-account-help-none-title = If your company doesn't have one
work-account-help-none = Create one at the "Sign in" step by selecting Create account: choose a domain prefix; its first user, admin@prefix.onmicrosoft.com, is its global admin.
work-account-help-one-title = One partner account per work account
work-account-help-one = Your company's partner account is tied to a single work account. Its users and their roles are then managed in Settings, User management.
work-account-help-start = Go to the "Sign in" step
welcome-verify-note = We'll verify this information during the account creation process.
next = Next
new-tab = (new tab)

# Overview
overview-greeting = Hello { $name }.

# Wizard
wizard-steps = Account creation steps
step-welcome = Welcome
step-sign-in = Sign in
step-profile = Profile
step-agreement = Agreement
step-admin-agent = Admin agent
step-done = completed
session-expired = Your session has ended. Sign in again to pick up where you were: nothing you typed is lost.
sign-in-needed = Sign in to open this page.
step-locked = Finish the “{ $step }” step first.
back = Back

# Sign in / create account
sign-in-title = Sign in as a global admin
sign-in-intro = Select Sign in if your company has a work account. Otherwise, select Create account to set one up now.
sign-in = Sign in
create-account = Create account
create-account-title = Create a work account
create-account-submit = Create account
field-work-email = Work email
field-password = Password
field-company-name = Company name
field-domain-prefix = Domain prefix
field-domain-preview = Your work account: { $domain }
field-domain-hint = Lowercase letters and digits, 3 to 27 characters.
field-country = Country/region
field-first-name = First name
field-last-name = Last name
password-hint = At least 12 characters, mixing kinds of characters (lowercase, uppercase, digits, symbols).
password-strength = Password strength: { $level }
strength-weak = weak
strength-fair = fair
strength-strong = strong
account-created = Work account created. Sign in with the global admin's credentials: { $email }
demo-credentials = Demo: sign in with { $email } and the password { $password }.
change-password-title = Choose a new password
change-password-intro = You signed in with a temporary password. Choose a new one to continue.
field-current-password = Current password
field-new-password = New password
change-password-submit = Save password
password-changed = Password changed.
signed-in-continue = You are signed in as a global admin ({ $email }).
sign-in-other = Sign in with another account
submitting = Sending…
error-summary-title = Fix the following errors
failed-keep-values = { $reason } What you typed is kept.

# Field errors, by stable code
code-required = This field is required.
code-too-long = This text is too long.
code-control-chars = This text contains characters that are not allowed.
code-email-format = Enter a valid email address, like first.last@company.com.
code-email-free-mail = Use a work address, not a free email service (Gmail, Outlook.com, Yahoo…).
code-email-role-address = Enter a person's address, not a shared one (info@, contact@…).
code-email-taken = A user already has this email address.
code-domain-prefix-format = Use only lowercase letters and digits.
code-domain-prefix-length = The prefix must be 3 to 27 characters long.
code-domain-prefix-taken = This domain prefix is taken.
code-password-too-short = The password must be at least 12 characters long.
code-password-one-class = Mix kinds of characters (lowercase, uppercase, digits, symbols).
code-password-is-email = The password must not be your email address.
code-password-wrong = Wrong password.
code-password-unchanged = Choose a password different from the current one.
code-phone-format = Enter the number in international format, like +1 425 555 0100.
code-website-format = Enter a full address, like https://www.company.com.
code-country-unsupported = Choose a country from the list.
code-postal-code-format = This postal code does not match the country's format (example: { $example }).
code-region-unknown = Choose a region from the list.
code-agreement-not-current = A new version of the agreement is available: read it before accepting.
code-last-global-admin = The work account must keep at least one global admin.
code-email-duplicate = This email is already higher up in the file.
code-role-unknown = Unknown role: use role keys, for example sales_agent|admin_agent.
code-import-too-many = An import holds at most 1,000 users: split the file.
code-global-admin-only = Only a Global admin can grant or remove this role.
code-country-locked = The country of the head office cannot change once the account is enrolled.
country-locked-hint = The country of the head office cannot change once the account is enrolled.
password-change-first = Choose your own password first: the one you were given is temporary.
temporary-password-expired = This temporary password has expired (it works for 7 days): ask an admin for a new one.
code-email-other-domain = The address must be at your work account's domain (name@your-prefix.onmicrosoft.com).
user-email-hint = Type the name before “@”: the address is at the work account's domain, for example first.last@{ $domain }.
code-seed-too-many = At most 20,000 demo users can be created at once.
code-date-format = Enter a valid date.
code-date-range = The end date comes before the start date.
code-document-empty = This file is empty.
code-document-too-large = This file is over 5 MB.
code-document-type = Choose a PDF, PNG or JPEG file whose name ends in .pdf, .png, .jpg or .jpeg.
code-documents-too-many = You have already sent 5 documents, the most there can be.
code-other = This value is not valid.
sign-in-failed = Wrong email or password.
or = or

# Countries (ISO 3166-1 alpha-2)

# Drafts
draft-restored = Draft restored from { $date }
draft-discard = Discard
draft-discarded = A saved draft could not be read: it was removed.
draft-not-saved = Your draft cannot be saved: the browser's storage is full. The form still works, but what you type will not survive a reload.

# Profile (step 3)
profile-title = Legal profile and primary contact
profile-intro = Fill in or update your company's legal profile and the primary contact's details, then select Register now.
profile-contact-why = The primary contact should be the person at your company we can contact about your application (you or someone else at your company). We will also use this information to verify that this person works at your company and has signed up for a Partner Center account.
legend-legal = Legal business profile
legend-contact = Primary contact
field-legal-name = Legal business name
field-address-first = Address line 1
field-address-second = Address line 2
field-city = City
field-region = State/Region
field-postal-code = Postal code
field-phone = Phone
field-website = Website
optional = (optional)
postal-hint = Example: { $example }
phone-hint = International format, like +1 425 555 0100.
choose = Choose…
register-now = Register now
important = IMPORTANT
email-sent-notice = To ensure your company's security and privacy, we sent an email to your primary contact, { $email }, to verify (1) that they signed up for a Partner Center account and (2) that this email address belongs to your company. Once the primary contact confirms their email address, we will continue verifying the information you provided.
email-confirmed-notice = The primary contact { $email } confirmed their email address.
resend = Resend the email
resent = Email sent again to { $email }.
dev-open-email = Demo: open the link the primary contact received
profile-saved = Profile saved.

# Agreement (step 4)
agreement-intro = Read and accept the terms and conditions of the Microsoft Partner Network agreement.
agreement-version = Version { $version }
agreement-accept-label = I have read and accept the Microsoft Partner Network agreement
agreement-signer = You accept this agreement on behalf of { $company }, as { $name } ({ $email }). The date and time of your acceptance will be recorded.
accept = Accept
agreement-must-check = Check the box to accept the agreement.
agreement-accepted = Agreement accepted on { $date } by { $name }.

# Admin agent (step 5)
admin-agent-intro = Verify that you were added to the Admin agent group. To finish setting up your account, including adding other users, you need admin agent permissions.
admin-agent-yes = { $name } is in the Admin agent group.
admin-agent-no = { $name } is not in the Admin agent group yet.
admin-agent-how = To update your permissions:
admin-agent-open-settings = Select the Settings icon, then User management.
admin-agent-select-name = Select your name in the list of users.
admin-agent-select-role = Select Admin agent, if it is not already selected, then Update.
admin-agent-open = Open my page in User management
admin-agent-recheck = Check again
finish = Finish

# Finish
done-title = Your Partner Center account is created
done-body = You can now add users and view your partner profile and agreements. We are still verifying your company; follow its progress on the overview.
go-overview = Go to the Overview

# Verify email (primary contact)
verify-title = Confirming your email address
verify-confirmed = Thank you! The address { $email } is confirmed. We are continuing to verify your company's information; there is nothing else you need to do.
verify-expired = This link has expired (links work for 7 days). Ask your company's global admin to send the email again from Partner Center.
verify-used = This link was already used: your address is confirmed. There is nothing else you need to do.
verify-unknown = This link is not recognized. Check that you opened the whole link from the email, or ask your company's global admin for a new email.
verify-missing = This link is incomplete: open the whole link from the email.

# Roles
role-global-admin-desc = Manages the whole work account: enrols the company, edits the legal profile and the primary contact, accepts agreements, manages every user, Global admins included.
role-user-management-admin = User management admin
role-user-management-admin-desc = Adds users, changes their roles and resets their passwords, except for Global admins.
role-account-admin = Account admin
role-account-admin-desc = Edits the company's legal profile (not its country) and the primary contact, and resends the verification email.
role-admin-agent-desc = Adds users, changes their roles and resets their passwords, except for Global admins; needed to finish setting up the account.
role-sales-agent = Sales agent
role-sales-agent-desc = Manages customers' subscriptions and orders.
role-helpdesk-agent = Helpdesk agent
role-helpdesk-agent-desc = Opens and follows support requests for customers.
role-billing-admin = Billing admin
role-billing-admin-desc = Views invoices and manages payments.
role-mpn-partner-admin = MPN partner admin
role-mpn-partner-admin-desc = Manages network membership, benefits and competencies.
role-referrals-admin = Referrals admin
role-referrals-admin-desc = Manages leads and referrals received.
role-incentives-admin = Incentives admin
role-incentives-admin-desc = Manages incentive programs and their payments.
role-report-viewer = Report viewer
role-report-viewer-desc = Views the account's activity reports.
role-group-work-account = Work account roles
role-group-partner = Partner roles
role-group-csp = CSP roles

# User management
users-title = User management
add-user = Add a user
users-ask = Ask one of them: { $names }.
add = Add
user-added = { $name } ({ $email }) was added.
temporary-password = Temporary password:
copy-password = Copy the temporary password
password-copied = Temporary password copied to the clipboard.
password-shown-once = This password will not be shown again: give it to the user now; they will choose a new one when they first sign in.
add-another = Add another user
open-user = Open their page
account-actions = Account
reset-password = Reset password
delete-user = Delete user
delete-confirm-title = Delete { $name }?
delete-confirm-body = { $email } will no longer be able to sign in. This cannot be undone.
user-deleted = { $name } was deleted.
last-admin-undeletable = This is the work account’s only Global admin: they cannot be deleted. Give the role to another user first.
import-users = Import users
export-csv = Export the list (CSV)
import-title = Import users
import-intro = A CSV file with a header line and the columns first name, last name, email and roles (role keys separated by |), up to { $max } users. The file is checked before anything is created; the import creates every user or none.
import-domain = Addresses are at { $domain }: an email cell with only the name before “@” gets it (eloise.lefevre becomes eloise.lefevre@{ $domain }).
import-sample =
    first_name,last_name,email,roles
    Éloïse,Lefèvre,eloise.lefevre,sales_agent|admin_agent
import-sample-label = Sample file
import-file = CSV file
import-paste = Or paste its content
import-checked = { $count ->
    [one] { $shown } line read
   *[other] { $shown } lines read
}, { $errors ->
    [0] no errors.
    [one] { $errors } line to fix before importing.
   *[other] { $errors } lines to fix before importing.
}
import-line = Line
import-problems = To fix
import-problem = { $field }: { $message }
import-submit = { $count ->
    [one] Import { $shown } user
   *[other] Import { $shown } users
}
import-done = { $count ->
    [one] { $shown } user imported.
   *[other] { $shown } users imported.
}
import-passwords-note = Each imported user was invited by email to choose a password (the link works 7 days). For anyone who cannot read their mailbox, reset their password from their page.
csv-empty = This file is empty.
csv-missing-columns = Missing columns: { $columns }. The first line must name the columns first name, last name and email (and roles).
csv-unreadable = The file cannot be read from line { $line } (an unclosed quote?).
csv-not-read = The browser could not read this file.
users-truncated = Only the first { $limit } users are loaded: search and sorting apply to them.
users-list-limit = The first { $limit } are listed: narrow the search to find the others.
users-search = Search users
users-role-filter = Role
users-all-roles = All roles
users-count = { $count ->
    [one] { $shown } user
   *[other] { $shown } users
}
users-name = Name
users-email = Email
users-roles = Roles
users-empty = No user matches this search.
update = Update
user-updated = Roles of { $name } updated.
users-read-only = Only a global admin, a user management admin or an admin agent can change users.
global-admin-only = Only a Global admin can grant or remove this role.
global-admin-managed-by-global-admins = This user is a Global admin: only a Global admin can change their roles, reset their password or delete them.
last-admin-locked = This is the account's only global admin: this role cannot be removed.
back-to-users = Back to the user list

# Verification timeline and program information
timeline-title = Account verification status
step-contact-email = Primary contact email
contact-pending = Pending: an email was sent to { $email } on { $date }. The primary contact must open the link it contains.
contact-done = Confirmed on { $date } by { $email }.
step-business = Business verification
business-waiting = Starts once the primary contact has confirmed their email address.
business-pending = In progress since { $date }: we are checking your company’s information. No action is needed from you.
business-done = Business verified on { $date }.
business-action = Action required since { $date }: a Global admin or an Account admin must act in Partner profile.
business-rejected = Rejected on { $date }: your company could not be verified. Contact partner support to learn why.
business-rejected-because = Rejected on { $date }: your company could not be verified. Contact partner support with any question about this decision.
business-rejected-final = Rejected on { $date }: your company could not be verified a second time. This decision is final: contact partner support with any question.
profile-final = The business profile can no longer be changed after a second refusal of the verification.
check-reason-legal-name-mismatch = Reason: the legal name does not match the company’s registration.
check-reason-address-unconfirmed = Reason: the company’s address could not be confirmed.
check-reason-document-unreadable = Reason: a supporting document could not be read.
check-reason-other = Reason: { $note }
open-partner-profile = Open Partner profile
contact-support = Contact partner support
state-pending = Pending
state-waiting = Not started
state-done = Complete
state-active = Active
state-action-required = Action required
state-rejected = Rejected
mpn-id = MPN ID
copy = Copy
copy-mpn-id = Copy the MPN ID
mpn-id-copied = MPN ID copied to the clipboard.
copy-failed = Copying failed: select the text and copy it.

# Overview: next steps
next-steps = Next steps
next-add-users = Add user accounts and assign permissions
next-add-users-why = Invite your colleagues and choose what each of them can do.
next-action-pack = Buy or renew a Microsoft Action Pack subscription
next-action-pack-why = Software and benefits to grow your business.
next-benefits = Manage your membership benefits
next-benefits-why = Review and activate the benefits included in your membership.
next-competencies = Learn about the competencies required for Gold or Silver membership
next-competencies-why = What it takes to earn a Gold or Silver competency.
next-marketing-profile = Create a business profile to get leads from Microsoft
next-marketing-profile-why = Show your solutions to customers looking for a partner.
next-referrals = Get and manage leads from Microsoft
next-referrals-why = Answer the customer requests Microsoft sends you.

# Partner profile
partner-profile-title = Partner profile
program-info = Program information
mpn-program-status = MPN program status
mpn-agreement-link = Microsoft Partner Network agreement
save = Save
partner-not-enrolled = Your work account has no partner account yet.
start-enrollment = Create the partner account
address = Address
edit = Edit
cancel = Cancel
edit-warning = Saving re-runs the checks of the changed fields: a new primary contact receives a new confirmation email, and a new legal name or address restarts the business verification.
edit-profile-who = A Global admin or an Account admin can edit the legal business profile and the primary contact.
edit-profile-ask = Ask: { $names }.
refresh-failed = These details could not be refreshed: showing the last ones loaded.
signed-agreements = Signed agreements
agreement-title-column = Agreement
agreement-version-column = Version
agreement-signed-at = Signed on
agreement-signed-by = Signed by
show = View
download = Download
download-failed = The download failed: { $reason }
no-agreements = No signed agreement yet.
agreement-signed-by-on = Signed on { $date } by { $name } ({ $email }).
agreement-other-version = The text of version { $version } is no longer online: download the signed document to read it.
back-to-partner-profile = Back to Partner profile
sign-in-page-title = Sign in to Partner Center
no-account-yet = Your company has no account yet?
create-partner-account = Create a Partner Center account
not-enrolled-title = This account is not enrolled yet
not-enrolled-explained = The work account { $company } is not enrolled in Partner Center yet. Only a Global admin can enrol it; you can use Partner Center after that.
not-enrolled-ask = Ask a Global admin
already-enrolled = Your account is already enrolled in Partner Center: this step is done.
have-an-account = Your company already has a Partner Center account?

# Activity log
settings-activity = Activity log
activity-title = Activity log
activity-intro = Who changed users, roles, the company profile, the primary contact, agreements and the verification, when and from which address, and which sign-ins were blocked. The log keeps 90 days.
activity-forbidden = Only a Global admin or an Account admin can read the activity log.
activity-since = From
activity-until = To
activity-resource = Resource
activity-all-resources = All resources
activity-by-user = Changes by { $name }
activity-all-users = Show every user
activity-show-user = Show changes by { $name }
activity-export = Export as CSV
activity-more = Show more
activity-empty = No activity matches these filters.
activity-end = Start of the log: no older activity.
activity-when = Date
activity-who = By
activity-what = Change
activity-address = IP address
activity-by-check = Business check
activity-by-link = Emailed link
activity-by-attempt = Sign-in attempt
activity-more-failed = The rest of the log could not be loaded.
export-failed = The export failed: { $reason }
resource-work-account = Work account
resource-user = User
resource-roles = Roles
resource-legal-profile = Legal profile
resource-primary-contact = Primary contact
resource-agreement = Agreement
resource-verification = Verification
resource-sign-in = Sign-in
resource-document = Supporting document
change-work-account-created = Work account { $target } created
change-user-created = { $name } ({ $target }) added
change-user-deleted = { $name } ({ $target }) deleted
change-user-field = { $field } of { $target }: { $old } → { $new }
change-password-reset = Password of { $target } reset
change-password-changed = { $target } chose a new password
change-roles = Roles of { $target }: { $old } → { $new }
change-profile-created = Legal profile of { $target } registered
change-contact-created = Primary contact { $target } registered
change-field = { $field }: { $old } → { $new }
change-contact-verified = Primary contact { $target } confirmed their email address
change-agreement-accepted = { $agreement } accepted (version { $version })
change-verification = Verification: { $old } → { $new }
change-document-sent = Supporting document { $target } sent
change-document-removed = Supporting document { $target } removed
change-sign-in-blocked = Sign-ins to { $target } blocked after too many failures
change-empty = (empty)
change-no-role = no role
status-draft = Draft
status-email-pending = Contact email to confirm
status-business-pending = Check in progress
status-authorized = Authorized
status-action-required = Action required
status-rejected = Rejected
fix-correct = To go on, correct the legal business profile and save it: it will be checked again.
fix-documents = To go on, send a supporting document (PDF, PNG or JPEG, 5 MB at most), then submit it for review.
fix-either = To go on, correct the legal business profile and save it, or send a supporting document (PDF, PNG or JPEG, 5 MB at most) and submit it for review.
documents-title = Supporting documents
documents-intro = Documents sent for the business verification. Every user of the account can read them.
documents-none = No supporting document sent.
documents-choose = Add files
documents-hint = PDF, PNG or JPEG, 5 MB at most per file, 5 files at most.
documents-uploading = Sending { $name }…
documents-sent = { $name } sent.
documents-failed = { $name }: { $reason }
documents-column-name = File
documents-column-size = Size
documents-column-by = Sent by
documents-column-at = Sent on
documents-remove = Remove
documents-removed = { $name } removed.
documents-submit = Submit for review
documents-submitted = Documents submitted: the business verification resumes.
documents-gone = This file’s content is no longer available.
size-kb = { $size } KB
size-mb = { $size } MB
invitation-sent = An invitation was sent to { $email } to choose their password. The link works until { $date }.
invitation-no-mail = If this person cannot read their mailbox yet, open their page and reset their password to give them a temporary one.
invitation-pending = Invitation sent on { $date }, not accepted yet.
invitation-badge = Invitation sent on { $date }
invitation-resend = Resend the invitation
invitation-resent = Invitation sent again to { $email }.
invitation-resend-failed = The invitation was not sent again: { $reason }
users-status-filter = Status
users-all-statuses = All statuses
users-status-invited = Invitation sent
set-password-title = Choose your password
set-password-intro = You were invited to Partner Center. Choose the password of your work account.
set-password-account = Work account: { $email }
set-password-done = Password saved. Sign in as { $email }.
set-password-missing = This link is incomplete: open the whole link of the invitation email.
set-password-expired = This link has expired (it works for 7 days). Ask an admin to send the invitation again.
set-password-used = This link was already used: your password is chosen. Sign in.
set-password-unknown = This link is not recognised. A newer invitation may have replaced it: open the latest invitation email.
change-invitation-accepted = { $target } accepted the invitation and chose a password
change-invitation-resent = Invitation sent again to { $target }
dev-open-invitation = Demo: open the invitation { $email } received
