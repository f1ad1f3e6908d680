-- The partner network agreement, version 2026-09, in both languages (our own words).
INSERT INTO agreements (kind, version, lang, title, body, current) VALUES
    ('mpn', '2026-09', 'fr-FR', 'Contrat Microsoft Partner Network', 'Le présent contrat (le « Contrat ») est conclu entre l’éditeur de l’Espace partenaires (« nous ») et l’entreprise qui crée un compte partenaire (le « Partenaire »). Il s’applique dès que la personne autorisée à signer pour le Partenaire sélectionne « Accepter ».

## 1. Objet

Le Contrat définit les conditions de l’adhésion du Partenaire au réseau de partenaires : l’accès à l’Espace partenaires, l’utilisation des avantages du réseau et la présentation du Partenaire auprès des clients.

## 2. Adhésion et vérification

Le Partenaire fournit un profil d’entreprise juridique exact et complet et désigne un contact principal joignable. Nous vérifions l’adresse e-mail du contact principal puis l’existence de l’entreprise. Tant que la vérification n’est pas terminée, certains avantages restent indisponibles. Le Partenaire tient ces informations à jour.

## 3. Comptes et sécurité

Le Partenaire gère les utilisateurs de son compte et leurs rôles. Il veille à ce qu’au moins un administrateur général reste désigné, protège les identifiants de ses utilisateurs et nous signale sans délai tout accès non autorisé.

## 4. Avantages du réseau

Les avantages (logiciels à usage interne, formations, support, visibilité commerciale) sont fournis pour les besoins propres du Partenaire. Ils ne peuvent être revendus ni cédés. Leur contenu peut évoluer ; nous en informons le Partenaire par l’Espace partenaires.

## 5. Utilisation des marques

Le Partenaire peut mentionner son adhésion au réseau selon les règles de marque publiées dans l’Espace partenaires. Il ne laisse pas entendre qu’il est affilié à nous au-delà de cette adhésion.

## 6. Confidentialité et données personnelles

Chaque partie protège les informations confidentielles de l’autre avec le même soin que les siennes. Les données personnelles échangées sont traitées conformément au règlement (UE) 2016/679 et uniquement pour l’exécution du Contrat.

## 7. Durée et résiliation

Le Contrat prend effet à son acceptation et dure un an ; il se renouvelle tacitement par périodes d’un an. Chaque partie peut le résilier avec un préavis de trente jours, ou sans préavis en cas de manquement grave non corrigé dans les trente jours suivant sa notification.

## 8. Responsabilité

Dans les limites permises par la loi, aucune partie n’est responsable des dommages indirects. La responsabilité totale de chaque partie au titre du Contrat est limitée aux sommes versées par le Partenaire au cours des douze derniers mois.

## 9. Dispositions générales

Le Contrat est régi par le droit français ; les tribunaux de Paris sont compétents. Nous pouvons publier une nouvelle version du Contrat : le Partenaire est invité à l’accepter dans l’Espace partenaires, et la date de chaque acceptation y est conservée.', 1),
    ('mpn', '2026-09', 'en-US', 'Microsoft Partner Network agreement', 'This agreement (the "Agreement") is made between the publisher of Partner Center ("we", "us") and the company that creates a partner account (the "Partner"). It applies as soon as the person authorized to sign for the Partner selects "Accept".

## 1. Purpose

The Agreement sets out the terms of the Partner''s membership in the partner network: access to Partner Center, use of network benefits, and how the Partner is presented to customers.

## 2. Membership and verification

The Partner provides an accurate and complete legal business profile and names a reachable primary contact. We verify the primary contact''s email address, then that the business exists. Until verification is complete, some benefits remain unavailable. The Partner keeps this information up to date.

## 3. Accounts and security

The Partner manages the users of its account and their roles. It keeps at least one Global admin in place, protects its users'' credentials, and tells us without delay about any unauthorized access.

## 4. Network benefits

Benefits (software for internal use, training, support, marketing visibility) are provided for the Partner''s own needs. They may not be resold or transferred. Their content may change; we inform the Partner through Partner Center.

## 5. Use of trademarks

The Partner may mention its network membership following the brand rules published in Partner Center. It does not suggest any affiliation with us beyond that membership.

## 6. Confidentiality and personal data

Each party protects the other''s confidential information with the same care as its own. Personal data exchanged is processed in accordance with Regulation (EU) 2016/679 and only to perform the Agreement.

## 7. Term and termination

The Agreement takes effect when accepted and lasts one year; it renews automatically for one-year periods. Either party may terminate it with thirty days'' notice, or without notice for a material breach not cured within thirty days of being notified.

## 8. Liability

To the extent permitted by law, neither party is liable for indirect damages. Each party''s total liability under the Agreement is limited to the amounts paid by the Partner in the previous twelve months.

## 9. General

The Agreement is governed by French law; the courts of Paris have jurisdiction. We may publish a new version of the Agreement: the Partner is invited to accept it in Partner Center, and the date of each acceptance is kept there.', 1);
