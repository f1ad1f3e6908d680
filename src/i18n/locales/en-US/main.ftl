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
checklist-legal = Legal business name, address, and phone.
checklist-legal-why = We check these details to confirm that your company exists.
checklist-signing = Authority to sign agreements.
checklist-signing-why = You'll be asked to accept the Microsoft Partner Network agreement on behalf of your company.
checklist-contact = Name and work email address of the person you want to be the primary contact.
checklist-contact-why = We'll email them to verify that this address belongs to your company.
welcome-verify-note = We'll verify this information during the account creation process.
next = Next
new-tab = (new tab)

# Overview
overview-greeting = Hello { $name }.
overview-tenant = Work account: { $domain }
