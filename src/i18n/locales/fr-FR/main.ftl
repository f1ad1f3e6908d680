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
checklist-legal-why = Nous vérifions ces informations pour confirmer l’existence de votre entreprise.
checklist-signing = Pouvoir de signer des contrats.
checklist-signing-why = Vous serez invité à accepter le contrat Microsoft Partner Network pour le compte de votre entreprise.
checklist-contact = Nom et adresse de messagerie professionnelle de la personne que vous voulez désigner comme contact principal.
checklist-contact-why = Nous lui enverrons un e-mail pour vérifier que cette adresse appartient bien à votre entreprise.
welcome-verify-note = Nous vérifierons ces informations au cours du processus de création du compte.
next = Suivant
new-tab = (nouvel onglet)

# Overview
overview-greeting = Bonjour { $name }.
overview-tenant = Compte professionnel : { $domain }
