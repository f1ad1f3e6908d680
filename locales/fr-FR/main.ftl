# Shell
app-name = Espace partenaires
skip-to-content = Aller au contenu principal
language-label = Langue
settings = Paramètres
settings-users = Gestion des utilisateurs
settings-partner = Paramètres partenaire
sign-out = Se déconnecter
main-navigation = Navigation principale
nav-overview = Vue d’ensemble
demo-badge = données de démonstration
demo-badge-explained = Les données de cette démonstration restent dans votre navigateur.
loading = Chargement…
dismiss = Fermer
retry = Réessayer
signed-in-as = Connecté en tant que { $name }
signed-out-notice = Vous êtes déconnecté.

# Start-up
config-error-title = Impossible de démarrer l’Espace partenaires
config-error-body = Le fichier de configuration de l’application est introuvable ou invalide. Vérifiez que config.json est publié avec l’application et qu’il indique le bon serveur.
config-error-detail = Détail technique : { $detail }
startup-incomplete-body = Une partie de l’Espace partenaires n’a pas pu être chargée : vérifiez votre connexion et rechargez la page.

# Not found
not-found-title = Page introuvable
not-found-body = L’adresse { $path } ne correspond à aucune page de l’Espace partenaires.
not-found-home = Retour à l’accueil

# Errors shown to the user, by stable key
error-network = Impossible de joindre le serveur. Vérifiez votre connexion.
error-timeout = Le serveur ne répond pas. Réessayez dans un instant.
error-server = Le serveur a rencontré un problème. Réessayez dans un instant.
error-decode = La réponse du serveur est illisible.
error-unauthenticated = Votre session a expiré. Reconnectez-vous.
error-forbidden = Vous n’avez pas l’autorisation nécessaire.
error-not-found = Élément introuvable.
error-conflict = Cette opération est en conflit avec l’état actuel.
error-rate-limited = Trop de tentatives. Patientez avant de réessayer.
error-other = La demande n’a pas abouti.

# Welcome (wizard step 1)
welcome-title = Bienvenue
welcome-intro = Créez un compte Espace partenaires pour gérer les revenus et les compétences du réseau.
roles-title = Rôles appropriés
role-global-admin = Administrateur général
role-admin-agent = Agent d’administration
welcome-membership = Avant de pouvoir créer un compte sur l’Espace partenaires ou vous inscrire à un programme de partenaires, votre entreprise doit être membre du Microsoft Partner Network. Si vous n’êtes pas membre du réseau, vous pouvez le
welcome-join-now = rejoindre maintenant
welcome-video = Une fois que vous avez créé un compte Espace partenaires, regardez cette brève vidéo :
video-dashboard = Découvrir votre tableau de bord
before-you-begin = Avant de commencer
before-you-begin-intro = Pour créer un compte dans l’Espace partenaires, vous devez avoir les informations suivantes à portée de main. Vous souhaitez peut-être prendre quelques minutes pour rassembler ces éléments avant de commencer :
checklist-admin-email = E-mail professionnel de l’administrateur général.
checklist-admin-email-why = Vous vous connecterez avec ce compte pour créer le compte partenaire.
checklist-work-account = Le compte professionnel de votre entreprise.
checklist-work-account-why = Si votre entreprise n’a pas de compte professionnel, vous pouvez en créer un au cours du processus de création de compte.
checklist-legal = Dénomination sociale légale, adresse et adresse.
checklist-legal-why = Ainsi que le numéro de téléphone de l’entreprise. Nous vérifions ces informations pour confirmer son existence.
checklist-signing = Pouvoir de signer des contrats.
checklist-signing-why = Vérifiez que vous êtes autorisé à signer des contrats pour le compte de votre entreprise, car vous serez invité à le faire au cours du processus d’inscription.
checklist-contact = Nom et adresse de messagerie professionnelle de la personne que vous voulez désigner comme contact principal.
checklist-contact-why = Pour garantir la sécurité et la confidentialité de votre entreprise, nous enverrons un e-mail à votre contact principal pour vérifier (1) qu’il ou elle est inscrit(e) à un compte Espace partenaires et (2) que cette adresse e-mail appartient bien à votre entreprise.
work-account-help-before = Si vous ne connaissez pas le compte professionnel de votre entreprise, consultez
work-account-help-link = Compte professionnel de votre entreprise et Espace partenaires
work-account-help-what = L’Espace partenaires utilise le compte professionnel de votre entreprise, l’annuaire de ses utilisateurs à un domaine tel que contoso.onmicrosoft.com, pour savoir qui peut s’y connecter et ce que chacun peut y faire.
work-account-help-have-title = Votre entreprise en a peut-être déjà un
work-account-help-have = Si votre entreprise utilise des services en ligne Microsoft (Microsoft 365, Azure, Dynamics 365), elle a un compte professionnel. Connectez-vous avec l’adresse de l’un de ses administrateurs généraux ; votre service informatique sait qui ils sont.
work-account-help-none-title = Si votre entreprise n’en a pas
work-account-help-none = Créez-en un à l’étape « Connexion » en sélectionnant Créer un compte : choisissez un préfixe de domaine ; le premier utilisateur, admin@préfixe.onmicrosoft.com, en est l’administrateur général.
work-account-help-one-title = Un compte partenaire par compte professionnel
work-account-help-one = Le compte partenaire de votre entreprise est lié à un seul compte professionnel. Ses utilisateurs et leurs rôles se gèrent ensuite dans Paramètres, Gestion des utilisateurs.
work-account-help-start = Aller à l’étape « Connexion »
welcome-verify-note = Nous vérifierons ces informations au cours du processus de création du compte.
next = Suivant
new-tab = (nouvel onglet)

# Overview
overview-greeting = Bonjour { $name }.

# Wizard
wizard-steps = Étapes de création du compte
step-welcome = Bienvenue
step-sign-in = Connexion
step-profile = Profil
step-agreement = Contrat
step-admin-agent = Agent d’administration
step-done = terminée
session-expired = Votre session a expiré. Reconnectez-vous pour reprendre là où vous étiez : rien de ce que vous avez saisi n’est perdu.
sign-in-needed = Connectez-vous pour ouvrir cette page.
step-locked = Terminez d’abord l’étape « { $step } ».
back = Précédent

# Sign in / create account
sign-in-title = Connectez-vous en tant qu’administrateur général
sign-in-intro = Sélectionnez Se connecter si votre entreprise possède un compte professionnel. Sinon, sélectionnez Créer un compte pour en configurer un maintenant.
sign-in = Se connecter
create-account = Créer un compte
create-account-title = Créer un compte professionnel
create-account-submit = Créer le compte
field-work-email = E-mail professionnel
field-password = Mot de passe
field-company-name = Nom de l’entreprise
field-domain-prefix = Préfixe de domaine
field-domain-preview = Votre compte professionnel : { $domain }
field-domain-hint = Lettres minuscules et chiffres, de 3 à 27 caractères.
field-country = Pays/région
field-first-name = Prénom
field-last-name = Nom
password-hint = Au moins 12 caractères, avec plusieurs types de caractères (minuscules, majuscules, chiffres, symboles).
password-strength = Robustesse du mot de passe : { $level }
strength-weak = faible
strength-fair = moyenne
strength-strong = élevée
account-created = Compte professionnel créé. Connectez-vous avec les informations d’identification de l’administrateur général : { $email }
demo-credentials = Démonstration : connectez-vous avec { $email } et le mot de passe { $password }.
change-password-title = Choisissez un nouveau mot de passe
change-password-intro = Vous vous êtes connecté avec un mot de passe temporaire. Choisissez-en un nouveau pour continuer.
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
change-password-submit = Enregistrer le mot de passe
password-changed = Mot de passe modifié.
signed-in-continue = Vous êtes connecté en tant qu’administrateur général ({ $email }).
sign-in-other = Se connecter avec un autre compte
submitting = Envoi en cours…
error-summary-title = Corrigez les erreurs suivantes
failed-keep-values = { $reason } Vos saisies sont conservées.

# Field errors, by stable code
code-required = Ce champ est obligatoire.
code-too-long = Ce texte est trop long.
code-control-chars = Ce texte contient des caractères non autorisés.
code-email-format = Saisissez une adresse e-mail valide, par exemple prenom.nom@entreprise.fr.
code-email-free-mail = Utilisez une adresse professionnelle, pas une messagerie gratuite (Gmail, Outlook.com, Yahoo…).
code-email-role-address = Indiquez l’adresse d’une personne, pas une adresse partagée (info@, contact@…).
code-email-taken = Un utilisateur a déjà cette adresse e-mail.
code-domain-prefix-format = Utilisez uniquement des lettres minuscules et des chiffres.
code-domain-prefix-length = Le préfixe doit compter de 3 à 27 caractères.
code-domain-prefix-taken = Ce préfixe de domaine est déjà pris.
code-password-too-short = Le mot de passe doit compter au moins 12 caractères.
code-password-one-class = Mélangez plusieurs types de caractères (minuscules, majuscules, chiffres, symboles).
code-password-is-email = Le mot de passe ne doit pas être votre adresse e-mail.
code-password-wrong = Mot de passe incorrect.
code-password-unchanged = Choisissez un mot de passe différent de l’actuel.
code-phone-format = Saisissez le numéro au format international, par exemple +33 1 23 45 67 89.
code-website-format = Saisissez une adresse complète, par exemple https://www.entreprise.fr.
code-country-unsupported = Choisissez un pays dans la liste.
code-postal-code-format = Ce code postal ne correspond pas au format du pays (exemple : { $example }).
code-region-unknown = Choisissez une région de la liste.
code-agreement-not-current = Une nouvelle version du contrat est disponible : relisez-la avant d’accepter.
code-last-global-admin = Le compte professionnel doit garder au moins un administrateur général.
code-email-duplicate = Cette adresse e-mail figure déjà plus haut dans le fichier.
code-role-unknown = Rôle inconnu : utilisez les clés de rôle, par exemple sales_agent|admin_agent.
code-import-too-many = Un import compte au plus 1 000 utilisateurs : découpez le fichier.
code-global-admin-only = Seul un administrateur général peut attribuer ou retirer ce rôle.
code-country-locked = Le pays du siège ne peut plus changer une fois le compte inscrit.
country-locked-hint = Le pays du siège ne peut plus changer une fois le compte inscrit.
password-change-first = Choisissez d’abord votre propre mot de passe : celui qu’on vous a donné est temporaire.
temporary-password-expired = Ce mot de passe temporaire a expiré (il vaut 7 jours) : demandez-en un nouveau à un administrateur.
code-email-other-domain = L’adresse doit être au domaine de votre compte professionnel (nom@votre-préfixe.onmicrosoft.com).
user-email-hint = Saisissez le nom avant « @ » : l’adresse est au domaine du compte professionnel, par exemple prenom.nom@{ $domain }.
code-seed-too-many = On crée au plus 20 000 utilisateurs de démonstration à la fois.
code-date-format = Saisissez une date valide.
code-date-range = La date de fin précède la date de début.
code-document-empty = Ce fichier est vide.
code-document-too-large = Ce fichier dépasse 5 Mo.
code-document-type = Choisissez un fichier PDF, PNG ou JPEG dont le nom finit par .pdf, .png, .jpg ou .jpeg.
code-documents-too-many = Vous avez déjà envoyé 5 documents, le maximum.
code-other = Cette valeur n’est pas valide.
sign-in-failed = E-mail ou mot de passe incorrect.
or = ou

# Countries (ISO 3166-1 alpha-2)

# Drafts
draft-restored = Brouillon restauré du { $date }
draft-discard = Effacer
draft-discarded = Un brouillon enregistré n’a pas pu être relu : il a été supprimé.
draft-not-saved = Impossible d’enregistrer votre brouillon : l’espace de stockage du navigateur est plein. Le formulaire fonctionne toujours, mais vos saisies ne survivront pas à un rechargement.

# Profile (step 3)
profile-title = Profil juridique et contact principal
profile-intro = Renseignez ou mettez à jour le profil juridique de votre entreprise et les coordonnées du contact principal, puis sélectionnez S’inscrire maintenant.
profile-contact-why = Le contact principal doit être la personne de votre entreprise que nous pouvons contacter à propos de votre application (il peut s’agir de vous ou d’une autre personne de votre entreprise). Nous allons également utiliser ces informations pour vérifier que cette personne travaille dans votre entreprise et qu’elle s’est inscrite à un compte Espace partenaires.
legend-legal = Profil d’entreprise juridique
legend-contact = Contact principal
field-legal-name = Dénomination sociale
field-address-first = Adresse (ligne 1)
field-address-second = Adresse (ligne 2)
field-city = Ville
field-region = Région/État
field-postal-code = Code postal
field-phone = Téléphone
field-website = Site web
optional = (facultatif)
postal-hint = Exemple : { $example }
phone-hint = Format international, par exemple +33 1 23 45 67 89.
choose = Choisir…
register-now = S’inscrire maintenant
important = IMPORTANT
email-sent-notice = Pour garantir la sécurité et la confidentialité de votre entreprise, nous avons envoyé un e-mail à votre contact principal, { $email }, pour vérifier (1) qu’il ou elle est inscrit(e) à un compte Espace partenaires et (2) que cette adresse e-mail appartient bien à votre entreprise. Une fois que le contact principal aura confirmé son adresse e-mail, nous poursuivrons notre vérification des informations fournies.
email-confirmed-notice = Le contact principal { $email } a confirmé son adresse e-mail.
resend = Renvoyer l’e-mail
resent = E-mail renvoyé à { $email }.
dev-open-email = Démonstration : ouvrir le lien reçu par le contact principal
profile-saved = Profil enregistré.

# Agreement (step 4)
agreement-intro = Lisez et acceptez les conditions générales du contrat Microsoft Partner Network.
agreement-version = Version { $version }
agreement-accept-label = J’ai lu et j’accepte le Contrat Microsoft Partner Network
agreement-signer = Vous acceptez ce contrat pour le compte de { $company }, en tant que { $name } ({ $email }). La date et l’heure de votre acceptation seront enregistrées.
accept = Accepter
agreement-must-check = Cochez la case pour accepter le contrat.
agreement-accepted = Contrat accepté le { $date } par { $name }.

# Admin agent (step 5)
admin-agent-intro = Vérifiez que vous avez été ajouté au groupe d’agents d’administration. Pour terminer la configuration de votre compte, notamment l’ajout d’autres utilisateurs, vous devez disposer d’autorisations d’agent administrateur.
admin-agent-yes = { $name } fait partie du groupe Agent d’administration.
admin-agent-no = { $name } ne fait pas encore partie du groupe Agent d’administration.
admin-agent-how = Pour mettre à jour vos autorisations :
admin-agent-open-settings = Sélectionnez l’icône Paramètres, puis Gestion des utilisateurs.
admin-agent-select-name = Sélectionnez votre nom dans la liste des utilisateurs.
admin-agent-select-role = Sélectionnez Agent d’administration, s’il n’est pas déjà sélectionné, puis Mettre à jour.
admin-agent-open = Ouvrir ma fiche dans Gestion des utilisateurs
admin-agent-recheck = Vérifier à nouveau
finish = Terminer

# Finish
done-title = Votre compte Espace partenaires est créé
done-body = Vous pouvez maintenant ajouter des utilisateurs, consulter votre profil de partenaire et vos contrats. Nous poursuivons la vérification de votre entreprise ; suivez son avancement dans la vue d’ensemble.
go-overview = Aller à la Vue d’ensemble

# Verify email (primary contact)
verify-title = Confirmation de votre adresse e-mail
verify-confirmed = Merci ! L’adresse { $email } est confirmée. Nous poursuivons la vérification des informations de votre entreprise ; vous n’avez rien d’autre à faire.
verify-expired = Ce lien a expiré (les liens sont valables 7 jours). Demandez à l’administrateur général de votre entreprise de vous renvoyer l’e-mail depuis l’Espace partenaires.
verify-used = Ce lien a déjà été utilisé : votre adresse est confirmée. Vous n’avez rien d’autre à faire.
verify-unknown = Ce lien n’est pas reconnu. Vérifiez que vous avez ouvert le lien complet reçu par e-mail, ou demandez un nouvel e-mail à l’administrateur général de votre entreprise.
verify-missing = Ce lien est incomplet : ouvrez le lien complet reçu par e-mail.

# Roles
role-global-admin-desc = Gère tout le compte professionnel : inscrit l’entreprise, modifie le profil juridique et le contact principal, accepte les contrats, gère tous les utilisateurs, y compris les administrateurs généraux.
role-user-management-admin = Administrateur de gestion des utilisateurs
role-user-management-admin-desc = Ajoute des utilisateurs, modifie leurs rôles et réinitialise leurs mots de passe, sauf pour les administrateurs généraux.
role-account-admin = Administrateur de compte
role-account-admin-desc = Modifie le profil juridique de l’entreprise (pas son pays) et le contact principal, et renvoie l’e-mail de vérification.
role-admin-agent-desc = Ajoute des utilisateurs, modifie leurs rôles et réinitialise leurs mots de passe, sauf pour les administrateurs généraux ; nécessaire pour terminer la configuration du compte.
role-sales-agent = Agent commercial
role-sales-agent-desc = Gère les abonnements et les commandes des clients.
role-helpdesk-agent = Agent du support technique
role-helpdesk-agent-desc = Ouvre et suit les demandes de support pour les clients.
role-billing-admin = Administrateur de facturation
role-billing-admin-desc = Consulte les factures et gère les paiements.
role-mpn-partner-admin = Administrateur partenaire MPN
role-mpn-partner-admin-desc = Gère l’adhésion au réseau, les avantages et les compétences.
role-referrals-admin = Administrateur des recommandations
role-referrals-admin-desc = Gère les prospects et les recommandations reçus.
role-incentives-admin = Administrateur des incitations
role-incentives-admin-desc = Gère les programmes d’incitation et leurs paiements.
role-report-viewer = Lecteur de rapports
role-report-viewer-desc = Consulte les rapports d’activité du compte.
role-group-work-account = Rôles du compte professionnel
role-group-partner = Rôles partenaire
role-group-csp = Rôles CSP

# User management
users-title = Gestion des utilisateurs
add-user = Ajouter un utilisateur
users-ask = Demandez à l’une de ces personnes : { $names }.
add = Ajouter
user-added = { $name } ({ $email }) a été ajouté.
temporary-password = Mot de passe temporaire :
copy-password = Copier le mot de passe temporaire
password-copied = Mot de passe temporaire copié dans le presse-papiers.
password-shown-once = Ce mot de passe ne sera plus affiché : transmettez-le maintenant à l’utilisateur, qui en choisira un nouveau à sa première connexion.
add-another = Ajouter un autre utilisateur
open-user = Ouvrir sa fiche
account-actions = Compte
reset-password = Réinitialiser le mot de passe
delete-user = Supprimer l’utilisateur
delete-confirm-title = Supprimer { $name } ?
delete-confirm-body = { $email } ne pourra plus se connecter. Cette action est définitive.
user-deleted = { $name } a été supprimé.
last-admin-undeletable = C’est le seul administrateur général du compte : il ne peut pas être supprimé. Donnez d’abord ce rôle à un autre utilisateur.
import-users = Importer des utilisateurs
export-csv = Exporter la liste (CSV)
import-title = Importer des utilisateurs
import-intro = Un fichier CSV avec une ligne d’en-tête et les colonnes prénom, nom, e-mail et rôles (clés de rôle séparées par |), jusqu’à { $max } utilisateurs. Le fichier est vérifié avant toute création ; l’import crée tous les utilisateurs ou aucun.
import-domain = Les adresses sont au domaine { $domain } : une cellule e-mail qui ne contient que le nom avant « @ » le reçoit (eloise.lefevre devient eloise.lefevre@{ $domain }).
import-sample =
    Prénom;Nom;E-mail;Rôles
    Éloïse;Lefèvre;eloise.lefevre;sales_agent|admin_agent
import-sample-label = Exemple de fichier
import-file = Fichier CSV
import-paste = Ou collez son contenu
import-checked = { $count ->
    [one] { $shown } ligne lue
   *[other] { $shown } lignes lues
}, { $errors ->
    [0] aucune erreur.
    [one] { $errors } ligne à corriger avant l’import.
   *[other] { $errors } lignes à corriger avant l’import.
}
import-line = Ligne
import-problems = À corriger
import-problem = { $field } : { $message }
import-submit = { $count ->
    [one] Importer { $shown } utilisateur
   *[other] Importer { $shown } utilisateurs
}
import-done = { $count ->
    [one] { $shown } utilisateur importé.
   *[other] { $shown } utilisateurs importés.
}
import-passwords-note = Chaque utilisateur importé a reçu une invitation par e-mail pour choisir son mot de passe (lien valable 7 jours). Pour qui ne peut pas lire sa messagerie, réinitialisez son mot de passe depuis sa fiche.
csv-empty = Ce fichier est vide.
csv-missing-columns = Colonnes manquantes : { $columns }. La première ligne doit nommer les colonnes prénom, nom et e-mail (et rôles).
csv-unreadable = Le fichier ne peut pas être lu à partir de la ligne { $line } (guillemets mal fermés ?).
csv-not-read = Le navigateur n’a pas pu lire ce fichier.
users-truncated = Seuls les { $limit } premiers utilisateurs sont chargés : la recherche et le tri portent sur eux.
users-list-limit = Les { $limit } premiers sont listés : précisez la recherche pour trouver les autres.
users-search = Rechercher des utilisateurs
users-role-filter = Rôle
users-all-roles = Tous les rôles
users-count = { $count ->
    [one] { $shown } utilisateur
   *[other] { $shown } utilisateurs
}
users-name = Nom
users-email = E-mail
users-roles = Rôles
users-empty = Aucun utilisateur ne correspond à cette recherche.
update = Mettre à jour
user-updated = Rôles de { $name } mis à jour.
users-read-only = Seuls un administrateur général, un administrateur de gestion des utilisateurs ou un agent d’administration peuvent modifier les utilisateurs.
global-admin-only = Seul un administrateur général peut attribuer ou retirer ce rôle.
global-admin-managed-by-global-admins = C’est un administrateur général : seul un autre administrateur général peut modifier ses rôles, réinitialiser son mot de passe ou le supprimer.
last-admin-locked = C’est le seul administrateur général du compte : ce rôle ne peut pas lui être retiré.
back-to-users = Retour à la liste des utilisateurs

# Verification timeline and program information
timeline-title = État de la vérification du compte
step-contact-email = E-mail du contact principal
contact-pending = En attente : un e-mail a été envoyé à { $email } le { $date }. Le contact principal doit ouvrir le lien qu’il contient.
contact-done = Confirmé le { $date } par { $email }.
step-business = Vérification de l’entreprise
business-waiting = Commence dès que le contact principal a confirmé son adresse e-mail.
business-pending = En cours depuis le { $date } : nous vérifions les informations de votre entreprise. Aucune action n’est requise de votre part.
business-done = Entreprise vérifiée le { $date }.
business-action = Action requise depuis le { $date } : un administrateur général ou un administrateur de compte doit agir dans Profil du partenaire.
business-rejected = Refusée le { $date } : votre entreprise n’a pas pu être vérifiée. Contactez le support partenaire pour en connaître la raison.
business-rejected-because = Refusée le { $date } : votre entreprise n’a pas pu être vérifiée. Contactez le support partenaire pour toute question sur cette décision.
business-rejected-final = Refusée le { $date } : votre entreprise n’a pas pu être vérifiée une seconde fois. Cette décision est définitive : contactez le support partenaire pour toute question.
profile-final = Le profil d’entreprise ne peut plus être modifié après un second refus de la vérification.
check-reason-legal-name-mismatch = Motif : la raison sociale ne correspond pas à celle de l’immatriculation de l’entreprise.
check-reason-address-unconfirmed = Motif : l’adresse de l’entreprise n’a pas pu être confirmée.
check-reason-document-unreadable = Motif : un justificatif fourni n’a pas pu être lu.
check-reason-other = Motif : { $note }
open-partner-profile = Ouvrir le Profil du partenaire
contact-support = Contacter le support partenaire
state-pending = En attente
state-waiting = À venir
state-done = Validé
state-active = Actif
state-action-required = Action requise
state-rejected = Refusé
mpn-id = ID MPN
copy = Copier
copy-mpn-id = Copier l’ID MPN
mpn-id-copied = ID MPN copié dans le presse-papiers.
copy-failed = La copie a échoué : sélectionnez le texte et copiez-le.

# Overview: next steps
next-steps = Étapes suivantes
next-add-users = Ajouter des utilisateurs de compte et leur attribuer des autorisations
next-add-users-why = Invitez vos collègues et choisissez ce que chacun peut faire.
next-action-pack = Acheter ou renouveler un abonnement à Microsoft Action Pack
next-action-pack-why = Des logiciels et des avantages pour développer votre activité.
next-benefits = Gérer les avantages de votre adhésion
next-benefits-why = Consultez et activez les avantages inclus dans votre adhésion.
next-competencies = En savoir plus sur les compétences requises pour le niveau d'adhésion Or ou Argent
next-competencies-why = Ce qu’il faut pour obtenir une compétence Or ou Argent.
next-marketing-profile = Créer un profil d’entreprise pour obtenir des prospects de Microsoft
next-marketing-profile-why = Présentez vos solutions aux clients qui cherchent un partenaire.
next-referrals = Obtenir et gérer des prospects de Microsoft
next-referrals-why = Répondez aux demandes de clients que Microsoft vous transmet.

# Partner profile
partner-profile-title = Profil du partenaire
program-info = Informations sur le programme
mpn-program-status = Statut du programme MPN
mpn-agreement-link = Contrat Microsoft Partner Network
save = Enregistrer
partner-not-enrolled = Votre compte professionnel n’a pas encore de compte partenaire.
start-enrollment = Créer le compte partenaire
address = Adresse
edit = Modifier
cancel = Annuler
edit-warning = Enregistrer relance les vérifications des champs modifiés : un nouveau contact principal reçoit un nouvel e-mail de confirmation, et une nouvelle dénomination sociale ou adresse relance la vérification de l’entreprise.
edit-profile-who = Un administrateur général ou un administrateur de compte peut modifier le profil d’entreprise juridique et le contact principal.
edit-profile-ask = Demandez à : { $names }.
refresh-failed = Impossible d’actualiser ces informations : voici les dernières chargées.
signed-agreements = Contrats signés
agreement-title-column = Contrat
agreement-version-column = Version
agreement-signed-at = Signé le
agreement-signed-by = Signé par
show = Afficher
download = Télécharger
download-failed = Le téléchargement a échoué : { $reason }
no-agreements = Aucun contrat signé pour l’instant.
agreement-signed-by-on = Signé le { $date } par { $name } ({ $email }).
agreement-other-version = Le texte de la version { $version } n’est plus en ligne : téléchargez le document signé pour le lire.
back-to-partner-profile = Retour au Profil du partenaire
sign-in-page-title = Connectez-vous à l’Espace partenaires
no-account-yet = Votre entreprise n’a pas encore de compte ?
create-partner-account = Créer un compte Espace partenaires
not-enrolled-title = Ce compte n’est pas encore inscrit
not-enrolled-explained = Le compte professionnel { $company } n’est pas encore inscrit à l’Espace partenaires. Seul un administrateur général peut l’inscrire ; vous pourrez utiliser l’Espace partenaires ensuite.
not-enrolled-ask = Demandez à un administrateur général
already-enrolled = Votre compte est déjà inscrit à l’Espace partenaires : cette étape est terminée.
have-an-account = Votre entreprise a déjà un compte Espace partenaires ?

# Activity log
settings-activity = Journal d’activité
activity-title = Journal d’activité
activity-intro = Qui a modifié les utilisateurs, les rôles, le profil d’entreprise, le contact principal, les contrats et la vérification, quand et depuis quelle adresse, ainsi que les connexions bloquées. Le journal conserve 90 jours.
activity-forbidden = Seuls un administrateur général ou un administrateur de compte peuvent consulter le journal d’activité.
activity-since = Du
activity-until = Au
activity-resource = Élément
activity-all-resources = Tous les éléments
activity-by-user = Modifications de { $name }
activity-all-users = Afficher tous les utilisateurs
activity-show-user = Voir les modifications de { $name }
activity-export = Exporter en CSV
activity-more = Afficher plus
activity-empty = Aucune activité ne correspond à ces filtres.
activity-end = Début du journal : aucune activité plus ancienne.
activity-when = Date
activity-who = Auteur
activity-what = Modification
activity-address = Adresse IP
activity-by-check = Vérification de l’entreprise
activity-by-link = Lien envoyé par e-mail
activity-by-attempt = Tentative de connexion
activity-more-failed = Impossible de charger la suite du journal.
export-failed = L’export a échoué : { $reason }
resource-work-account = Compte professionnel
resource-user = Utilisateur
resource-roles = Rôles
resource-legal-profile = Profil juridique
resource-primary-contact = Contact principal
resource-agreement = Contrat
resource-verification = Vérification
resource-sign-in = Connexion
resource-document = Justificatif
change-work-account-created = Compte professionnel { $target } créé
change-user-created = { $name } ({ $target }) ajouté
change-user-deleted = { $name } ({ $target }) supprimé
change-user-field = { $field } de { $target } : { $old } → { $new }
change-password-reset = Mot de passe de { $target } réinitialisé
change-password-changed = { $target } a choisi un nouveau mot de passe
change-roles = Rôles de { $target } : { $old } → { $new }
change-profile-created = Profil juridique de { $target } enregistré
change-contact-created = Contact principal { $target } enregistré
change-field = { $field } : { $old } → { $new }
change-contact-verified = Adresse e-mail du contact principal { $target } confirmée
change-agreement-accepted = { $agreement } accepté (version { $version })
change-verification = Vérification : { $old } → { $new }
change-document-sent = Justificatif { $target } envoyé
change-document-removed = Justificatif { $target } retiré
change-sign-in-blocked = Connexions à { $target } bloquées après trop d’échecs
change-empty = (vide)
change-no-role = aucun rôle
status-draft = Brouillon
status-email-pending = E-mail du contact à confirmer
status-business-pending = Vérification en cours
status-authorized = Autorisé
status-action-required = Action requise
status-rejected = Refusé
fix-correct = Pour continuer, corrigez le profil d’entreprise juridique et enregistrez-le : il sera vérifié de nouveau.
fix-documents = Pour continuer, envoyez un justificatif (PDF, PNG ou JPEG, 5 Mo au plus), puis soumettez-le pour vérification.
fix-either = Pour continuer, corrigez le profil d’entreprise juridique et enregistrez-le, ou envoyez un justificatif (PDF, PNG ou JPEG, 5 Mo au plus) puis soumettez-le pour vérification.
documents-title = Justificatifs
documents-intro = Les documents envoyés pour la vérification de l’entreprise. Tous les utilisateurs du compte peuvent les lire.
documents-none = Aucun justificatif envoyé.
documents-choose = Ajouter des fichiers
documents-hint = PDF, PNG ou JPEG, 5 Mo au plus par fichier, 5 fichiers au plus.
documents-uploading = Envoi de { $name }…
documents-sent = { $name } envoyé.
documents-failed = { $name } : { $reason }
documents-column-name = Fichier
documents-column-size = Taille
documents-column-by = Envoyé par
documents-column-at = Envoyé le
documents-remove = Retirer
documents-removed = { $name } retiré.
documents-submit = Soumettre pour vérification
documents-submitted = Justificatifs soumis : la vérification de l’entreprise reprend.
documents-gone = Le contenu de ce fichier n’est plus disponible.
size-kb = { $size } Ko
size-mb = { $size } Mo
invitation-sent = Une invitation a été envoyée à { $email } pour qu’il ou elle choisisse son mot de passe. Le lien est valable jusqu’au { $date }.
invitation-no-mail = Si cette personne ne peut pas encore lire sa messagerie, ouvrez sa fiche et réinitialisez son mot de passe pour lui communiquer un mot de passe temporaire.
invitation-pending = Invitation envoyée le { $date }, pas encore acceptée.
invitation-badge = Invitation envoyée le { $date }
invitation-resend = Renvoyer l’invitation
invitation-resent = Invitation renvoyée à { $email }.
invitation-resend-failed = L’invitation n’a pas été renvoyée : { $reason }
users-status-filter = Statut
users-all-statuses = Tous les statuts
users-status-invited = Invitation envoyée
set-password-title = Choisissez votre mot de passe
set-password-intro = Vous avez été invité(e) dans l’Espace partenaires. Choisissez le mot de passe de votre compte professionnel.
set-password-account = Compte professionnel : { $email }
set-password-done = Mot de passe enregistré. Connectez-vous avec { $email }.
set-password-missing = Ce lien est incomplet : ouvrez le lien complet reçu dans l’e-mail d’invitation.
set-password-expired = Ce lien a expiré (il est valable 7 jours). Demandez à un administrateur de vous renvoyer l’invitation.
set-password-used = Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous.
set-password-unknown = Ce lien n’est pas reconnu. Une invitation plus récente l’a peut-être remplacé : ouvrez le dernier e-mail d’invitation reçu.
change-invitation-accepted = { $target } a accepté l’invitation et choisi son mot de passe
change-invitation-resent = Invitation renvoyée à { $target }
dev-open-invitation = Démonstration : ouvrir l’invitation reçue par { $email }
