# lifeboat : l'interface en français. Vocabulaire de la gestion de crise et du PCA
# (guide ANSSI, ISO 22301) ; voir docs/glossary.md : chaîne d'alerte, fiche réflexe,
# main courante, ordre de reprise, bilan d'impact sur l'activité (BIA).

## Dates
date = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Chaque page
skip-to-content = Aller au contenu
private-banner = Cet exemplaire contient des données personnelles privées (généré avec --include-private). Conservez-le en lieu sûr ; ne le diffusez pas.
edition = version { $version }, générée le { $built }
hotline = Numéro d’urgence
search-placeholder = Rechercher : noms, numéros, fiches réflexes ( / )
search-label = Rechercher dans le plan
search-results = Résultats de la recherche
menu = Menu
banner-old-copy = Cet exemplaire a été généré le { $built } et dépasse la périodicité de revue du plan ({ $period }). Procurez-vous un exemplaire plus récent si possible, et vérifiez les numéros avant de vous y fier.
banner-review-due = Ce plan devait être revu le { $due }. Certaines informations peuvent être périmées : vérifiez les numéros avant de vous y fier.
banner-overdue = Ce plan devait être revu le { $due } (dernière revue le { $last }). Certaines informations peuvent être périmées : vérifiez les numéros avant de vous y fier.
nav-sections = Rubriques
nav-start = Accueil
nav-runbooks = Fiches réflexes
nav-contacts = Annuaire
nav-recovery = Ordre de reprise
nav-services = Services
nav-vendors = Fournisseurs
nav-log = Main courante
nav-comms = Communication
nav-impact = Impacts
nav-risks = Risques
nav-exercises = Exercices
nav-health = État du plan
nav-cards = Cartes
nav-print = Imprimer
footer-version = version { $version }
footer-built = générée le { $built } par { $generator }
call-the-hotline = Appeler : { $label } au { $number }
call-the-hotline-default = Appeler le numéro d’urgence : { $number }
page-title = { $title } · { $organization }

## Titres des pages (et parties du classeur imprimé)
title-start = Que faire maintenant
title-services = Services
title-recovery = Ordre de reprise
title-impact = Bilan d’impact sur l’activité (BIA)
title-risks = Risques
title-runbooks = Fiches réflexes
title-contacts = Annuaire
title-vendors = Fournisseurs
title-comms = Communication
title-exercises = Exercices
title-health = État du plan
title-log = Main courante
title-cards-a4 = Cartes d’urgence (A4)
title-cards-letter = Cartes d’urgence (US Letter)
title-call-tree = Chaîne d’alerte : { $name }

## Mots fréquents
none-yet = Aucun dans le plan pour l’instant.
no-services = Le plan ne contient aucun service.
none-recorded = Aucun renseigné.
owner = Responsable
team = Équipe
phone = Téléphone
mobile = Portable
number-phone = téléphone
number-mobile = portable
number-team = équipe
email = E-mail
location = Site
services = Services
runbooks = Fiches réflexes
vendors = Fournisseurs
risks = Risques
service = Service
runbook = Fiche réflexe
tier = Criticité
rto = DMIA (RTO)
rpo = PDMA (RPO)
mtpd = MTPD
wrt = WRT
kind = Type
status = État
outcome = Résultat
channel = Canal
audience = Destinataires
severity = Gravité
date-heading = Date
lead = Responsable d’équipe
members = Membres
never = jamais
yes = oui
no = non
about-duration = environ { $duration }
colon =  :

## Page d'accueil
hotline-call = 1. Appeler : { $label }
hotline-call-default = 1. Appeler le numéro d’urgence
if-busy = Si occupé :
hotline-email = { email } :
say-what = Dites ce que vous constatez, où, et depuis quand.
start-response = Lancer la réponse
start-response-numbered = 2. Lancer la réponse
about-duration-paren = (environ { $duration })
severity-levels = Niveaux de gravité
respond-within = Réagir sous { $time }
update-every = Point de situation toutes les { $time }
severity-call-tree = Chaîne d’alerte : { $tree }
notify = Prévenir : { $who }
messages = Messages : { $which }
then = Ensuite
then-decide = { $strong } à l’aide des niveaux ci-dessus : ils disent en combien de temps réagir, qui prévenir et quelle chaîne d’alerte déclencher.
then-decide-strong = Déterminez la gravité
then-start = { $strong } de ce niveau, et rendez compte comme elle l’indique.
then-start-strong = Déclenchez la chaîne d’alerte
then-restore = Rétablissez selon l’{ $order }
then-restore-rest = , avec les { $runbooks } de chaque service.
then-restore-order = ordre de reprise
then-restore-runbooks = fiches réflexes
then-note = { $strong } au fil de l’eau dans la { $log }.
then-note-strong = Consignez les décisions
then-note-log = main courante
runbooks-by-scenario = Fiches réflexes par scénario
call-trees = Chaînes d’alerte
reports-back = Chacun rend compte à { $who }.
call-tree-sheet-link = La chaîne d’alerte sur une feuille
call-tree-sheet-rest =  : numéros, suppléants et que faire quand quelqu’un ne répond pas.
tier-1-services = Services de criticité 1
plan-owner = Responsable du plan : { $who }.
last-reviewed-on = Dernière revue le { $date }.
plan-health-warnings = État du plan : { $n ->
    [one] { $n } avertissement
   *[other] { $n } avertissements
}

## Services
services-intro = Par criticité, les plus critiques d’abord. Rétablissez-les selon l’{ $order }.
tier-title = Criticité { $tier }
tier-title-label = Criticité { $tier } : { $label }
no-tier = Sans criticité
recovery-label = Reprise
recovery-wave = vague { $n }
needs-first = A besoin d’abord de (amont)
needs-nothing = Rien : ce service peut être rétabli en premier.
needed-by = Nécessaire à (aval)
needed-by-nothing = Aucun autre service n’en dépend.
account-of = compte { $account }
processes-need-it = Processus métier qui en ont besoin
strategies = Stratégies

## Ordre de reprise
recovery-intro = Rétablissez les services vague après vague : tout ce dont un service a besoin vient dans une vague antérieure. Au sein d’une vague, les plus critiques d’abord ; les services d’une même vague peuvent être rétablis en parallèle.
wave = Vague { $n }
needs = Dépend de
cannot-order = Impossible à ordonner
cannot-order-text = Ces services sont dans une boucle de dépendances ou derrière elle : { $services }.

## Impacts sur l'activité
impact-intro = Les processus métier, la durée d’interruption que chacun supporte et les services dont il a besoin. L’impact maximal est la note la plus haute (0 à 5) atteinte dans sa grille d’impact.
process = Processus
peak-impact = Impact maximal
workaround = Mode dégradé pendant l’indisponibilité des services
services-it-needs = Services nécessaires
impact-over-time = Impact dans le temps
impact-after = Après
impact-financial = Financier
impact-operational = Opérationnel
impact-reputational = Image
impact-legal = Juridique
impact-safety = Sécurité des personnes
impact-ratings = Notes : 0 nul à 5 grave.
impact-chart-label = Notes d’impact de 0 à 5 au fil d’une interruption

## Risques
heat-map = Cartographie
inherent-caption = Brut : avant mesures
residual-caption = Résiduel : après mesures
inherent-risk = Risque brut
residual-risk = Risque résiduel
risk-legend = Score = vraisemblance × impact.
register = Registre
register-intro = Score brut le plus élevé d’abord.
risk = Risque
score = Score
residual = Résiduel
treatment = Traitement
threat = Menace :
vulnerability = Vulnérabilité :
mitigations = Mesures :
reviewed-on = Revu le { $date }
likelihood-impact = V{ $likelihood } × I{ $impact }
heat-likelihood = Vraisemblance
heat-impact = Impact

## Fiches réflexes
by-scenario = Par scénario
every-runbook = Toutes les fiches réflexes
takes = Durée
last-tested = Dernier test
takes-about = Durée : environ { $duration }.
owner-is = Responsable : { $who }.
clear-ticks = Effacer les coches
about-this-runbook = À propos de cette fiche
scenarios = Scénarios
takes-about-label = Durée estimée
reviewed = Revue
exercised-in = Exercée lors de
on-this-page = Sur cette page
link-to-section = Lien vers cette section
done = Fait
alert-note = Remarque
alert-tip = Conseil
alert-important = Important
alert-warning = Attention
alert-caution = Prudence

## Annuaire
people = Personnes
name-and-number = Nom et numéro
role = Fonction
teams = Équipes
team-and-number = Équipe et numéro
add-to-phone = Ajouter au téléphone
vcard = (vCard)
vcard-private = (vCard, avec coordonnées privées)
if-unreachable = Si injoignable
details-confirmed = Coordonnées confirmées
private-details = Coordonnées privées
home = Domicile
personal-mobile = Portable personnel
personal-email = E-mail personnel
home-address = Adresse personnelle
in-call-trees = Dans les chaînes d’alerte
starts-it = la déclenche.
called-by-who = appelé·e par { $who }.
calls-in-order = Appelle, dans l’ordre : { $who }.
reports-back-to = Rend compte à { $who }.

## Chaînes d'alerte
started-by = Déclenchée par { $who }
for-severities = pour { $levels }
people-count = { $n ->
    [one] { $n } personne.
   *[other] { $n } personnes.
}
call-rule-1 = Appelez les personnes listées sous votre nom, dans l’ordre.
call-rule-1-rest = Dites ce qui s’est passé, ce qu’elles doivent faire et à qui rendre compte.
call-rule-2 = Pas de réponse ?
call-rule-2-rest = Laissez un court message, puis appelez son suppléant (indiqué ci-dessous). Si le suppléant ne répond pas non plus, poursuivez votre liste et appelez les personnes que l’absent aurait appelées.
call-rule-3 = Rendez compte
call-rule-3-to = à { $who }
call-rule-3-rest =  : qui vous avez joint, qui vous n’avez pas joint.
person = Personne
numbers = Numéros
calls-in-order-heading = Appelle, dans l’ordre
if-no-answer = Sans réponse, appeler
called-by = appelé·e par { $who }
no-number = pas de numéro
cards-of-tree = Chaque membre de cette chaîne a une carte d’urgence personnelle : { $a4 } (A4) ou { $letter }.
print-the-cards = imprimer les cartes
on-us-letter = au format US Letter

## Fournisseurs
vendor-and-line = Fournisseur et assistance
supplies = Fournit
account = Compte
contract-ends = Fin de contrat
support-line = Assistance téléphonique
our-account = Notre compte
support-email = E-mail d’assistance
support-site = Site d’assistance
sla = SLA
restores-within = Rétablit sous
soon-or-past = (bientôt ou échu)
has-dr-plan = Dispose d’un PRA
last-assessed = Dernière évaluation
people-at = Interlocuteurs chez { $vendor }
services-it-supplies = Services qu’il fournit

## Communication
templates = Modèles
template = Modèle
stakeholder-groups = Parties prenantes : qui est informé, comment et quand
group = Groupe
notify-within = Informer sous
who-sends = Émetteur
notified-at = Informé à partir de
fill-in = À compléter
fill-in-intro = Saisissez chaque valeur une fois : elle s’insère partout dans le message. Rien ne quitte cette page.
copy-message = Copier le message
who-sends-to-group = Qui informe ce groupe
templates-for-group = Modèles pour ce groupe

## Exercices
exercises-intro = Tests et exercices du plan, les plus récents d’abord.
exercise = Exercice
open-findings = Constats ouverts
facilitator = Animateur
participants = Participants
findings = Constats
finding = Constat
calendar-name = { $plan } : exercices
calendar-field = { $label } : { $value }
calendar-finding-open = Constat (ouvert) : { $title }
calendar-finding-done = Constat (traité) : { $title }
action = Action
due = Échéance
overdue = (en retard)

## État du plan
warnings-from-check = { $n ->
    [one] { $n } avertissement
   *[other] { $n } avertissements
} de { $check } :
warning = Avertissement
about = Concerne
where = Emplacement
no-warnings = Aucun avertissement : { $check } n’a rien trouvé à corriger.

## Cartes d'urgence
cards-title = Cartes d’urgence ({ $paper })
cards-intro = { $n ->
    [one] { $n } carte
   *[other] { $n } cartes
}, { $per } par feuille, chacune de 85,60 x 53,98 mm (format carte bancaire CR80), recto sur une feuille et verso sur la suivante. Imprimez cette page à { $how } ; vérifiez la règle de 50 mm sur la feuille, puis découpez le long des repères.
cards-how = 100 % (taille réelle), sans marges, recto verso, retournement sur le bord long
cards-other = Les mêmes cartes au format { $paper }
paper-a4 = A4
paper-letter = US Letter
the-cards = Les cartes
sheet-fronts-label = Feuille { $n }, recto
sheet-backs-label = Feuille { $n }, verso
sheet-fronts = Feuille { $n } : recto. Imprimer à 100 % (taille réelle), sans marges, recto verso.
sheet-backs = Feuille { $n } : verso. Imprimer au dos de la feuille { $front } (recto verso, retournement sur le bord long).
card-plan-version = Plan { $version }
card-scan = Scanner : { $what }
card-more-numbers = Autres numéros
card-for = Pour : { $who }
card-called-by = Appelé·e par
card-you-start = Vous déclenchez cette chaîne
card-you-call = Vous appelez, dans l’ordre
card-you-call-more = Vous appelez, suite
card-report-back = Rendre compte à
card-everyone-reports = Tout le monde vous rend compte
card-when-called = Quand on vous appelle : confirmez avoir reçu le message, faites ce qu’il demande, puis rendez compte.
card-when-called-to = Quand on vous appelle : confirmez avoir reçu le message, faites ce qu’il demande, puis rendez compte à { $who }.
card-no-answer-alternate = Pas de réponse ? Appelez le suppléant
card-alternates-more = Suppléants, suite
card-no-answer = Pas de réponse ?
card-no-answer-text = Laissez un message, poursuivez votre liste et signalez qui n’a pas répondu en rendant compte.
qr-plan-site = Site du plan
qr-web-address = Adresse web
qr-support = Assistance

## Main courante
log-intro = Consignez chaque décision et action au moment où elle a lieu, avec l’heure : la trace que demandent les auditeurs et le retour d’expérience.
log-what = Décision prise ou action menée
log-by-optional = Par (facultatif)
log-add = Ajouter à la main courante
log-one-tap = En un geste
log-incident-declared = Crise déclarée
log-severity-set = Gravité fixée : { $level }
log-severity = Gravité : { $level }
log-tree-started = Chaîne d’alerte déclenchée : { $tree }
log-update-sent-entry = Point de situation envoyé aux parties prenantes
log-update-sent = Point envoyé
log-service-restored = Service rétabli
log-all-clear-entry = Fin d’alerte donnée
log-all-clear = Fin d’alerte
log-runbook-started = Fiche réflexe lancée
log-entries = Entrées
log-nothing-yet = Rien de consigné pour l’instant.
log-copy-text = Copier en texte
log-copy-markdown = Copier en Markdown
log-download = Télécharger (Markdown)
log-new = Ouvrir une nouvelle main courante
log-out = La main courante, à coller dans le ticket
log-kept-here = Conservée dans ce navigateur uniquement, sur cet appareil ; rien n’est envoyé.
log-on-paper = Sur papier
log-paper-intro = Sans le script de cette page (ou à l’impression), utilisez ce tableau.
log-time = Heure
log-decision = Décision ou action
log-by = Par

## Renvois sur la page d'un élément
related = { $how } { $kinds }
rel-qr = Dans le code QR de
rel-owner = Responsable de
rel-lead = Dirige
rel-members = Membre de
rel-team = Équipe de
rel-alternates = Supplée dans
rel-participants = A participé à
rel-facilitator = A animé
rel-contacts = Cité dans
rel-depends-on = Nécessaire à
rel-vendors = Fournisseur de
rel-services = Nécessaire à
rel-runbooks = Exercé dans
rel-audience = Destinataire de
rel-in = Dans
rel-body = Mentionné dans
rel-other = Cité par
rel-exercise-owner = Responsable de constats d’exercices
kinds-contact = contacts
kinds-team = équipes
kinds-call-tree = chaînes d’alerte
kinds-vendor = fournisseurs
kinds-risk = risques
kinds-service = services
kinds-process = processus
kinds-runbook = fiches réflexes
kinds-template = modèles de communication
kinds-stakeholder = groupes de parties prenantes
kinds-exercise = exercices
kinds-card = cartes d’urgence

## Recherche
kind-page = Page
kind-contact = Contact
kind-team = Équipe
kind-call-tree = Chaîne d’alerte
kind-vendor = Fournisseur
kind-risk = Risque
kind-service = Service
kind-process = Processus
kind-runbook = Fiche réflexe
kind-template = Modèle
kind-stakeholder = Parties prenantes
kind-exercise = Exercice
search-page-cards = Cartes d’urgence
search-page-print = Le plan complet, imprimable
search-page-risks = Registre des risques

## Classeur imprimé
binder-title = Le plan complet
binder-plan-version = Version du plan
binder-last-reviewed = Dernière revue
binder-next-review = Prochaine revue
binder-printed-from = Imprimé de la version générée le
binder-contents = Sommaire
binder-page-footer = Version du plan { $version }
binder-page = Page
binder-of = sur
part-call-trees = Chaînes d’alerte
part-services = Services par criticité
part-log = Main courante (papier)

## Scripts des pages
js-today = (aujourd’hui)
js-in-days = { $n ->
    [one] (dans { $n } jour)
   *[other] (dans { $n } jours)
}
js-days-ago = { $n ->
    [one] (il y a { $n } jour)
   *[other] (il y a { $n } jours)
}
js-offline-copy = Copie hors ligne conservée sur cet appareil : version { $version }
js-offline-copy-built = Copie hors ligne conservée sur cet appareil : version { $version }, générée le { $built }
js-search-unavailable = L’index de recherche n’a pas pu être chargé.
js-search-loading = Chargement de l’index de recherche…
js-search-nothing = Aucun résultat pour « { $query } ».
js-minutes = { $n } min
js-hours-minutes = { $h } h { $m } min
js-runbook-started = Fiche réflexe lancée : { $title }
js-tick-each-step = Cochez chaque étape une fois faite.
js-tick-each-step-about = Cochez chaque étape une fois faite (environ { $time }).
js-started-ago = Commencé à { $time } : il y a { $took }
js-estimated = (estimé { $time })
js-steps-done = { $done } étape(s) faite(s) sur { $total }.
js-step-done = Fait : { $step }
js-step = étape
js-log-title = Main courante : { $plan } (version du plan { $version })
js-sms-count = { $chars } caractères ({ $encoding }), { $n ->
    [one] { $n } SMS
   *[other] { $n } segments SMS
}
js-copied = Copié.
js-copy-by-hand = Sélectionnez le texte et copiez-le.

## Graphiques
heat-map-label = { $title } : { $n ->
    [one] { $n } risque par vraisemblance et impact
   *[other] { $n } risques par vraisemblance et impact
}
heat-axis-likelihood = Vraisemblance →
heat-axis-impact = Impact →
impact-axis-time = Temps écoulé depuis le début de l’interruption →
card-alternate-for = { $alternate } pour { $who }
qr-save-hotline = enregistrer le numéro d’urgence
sheet-cut = Découper le long des repères : chaque carte mesure 85,60 x 53,98 mm.
sheet-ruler = Cette règle doit mesurer 50 mm

## Recherche : d'autres mots qui trouvent les pages du site
search-words-title-start = urgence gravité premières étapes
search-words-title-recovery = reprise vagues dépendances
search-words-title-log = décisions actions chronologie
search-words-title-health = avertissements contrôles
search-words-search-page-cards = imprimer carte QR
search-words-search-page-print = imprimer classeur PDF
search-words-search-page-risks = cartographie risques
search-words-title-impact = BIA processus impact
search-words-title-comms = modèles parties prenantes messages
search-words-title-exercises = tests exercice sur table calendrier

## Les échelles de risque par défaut (un plan sans [risk_matrix])
risk-likelihood-1 = Rare
risk-likelihood-2 = Peu probable
risk-likelihood-3 = Possible
risk-likelihood-4 = Probable
risk-likelihood-5 = Quasi certain
risk-impact-1 = Minime
risk-impact-2 = Mineur
risk-impact-3 = Modéré
risk-impact-4 = Majeur
risk-impact-5 = Critique
risk-band-1 = Faible
risk-band-2 = Moyen
risk-band-3 = Élevé
risk-band-4 = Extrême
qr-code = Code QR

## État du plan : ce que signifie chaque code
code-rto-inversion = Un service dépend d’un autre rétabli plus tard
code-rpo-inversion = Un service peut perdre plus de données qu’un service dont il dépend
code-process-rto = Un processus dépend d’un service rétabli plus tard
code-vendor-restore = Un fournisseur rétablit plus lentement que le service ne l’exige
code-no-runbook = Un service critique n’a pas de fiche réflexe
code-not-exercised = Une fiche réflexe n’a pas été exercée récemment
code-plan-review-overdue = La revue du plan est en retard
code-contract-ending = Un contrat fournisseur arrive à échéance
code-finding-overdue = Un constat d’exercice est en retard
code-no-phone = Un contact n’a pas de numéro de téléphone
code-phone-format = Un numéro de téléphone semble erroné
code-mtd-budget = La reprise dure plus longtemps que l’interruption admissible du processus
code-contact-unverified = Les coordonnées d’un contact n’ont pas été confirmées récemment
code-unowned = Un élément n’a pas de responsable
code-unreadable-file = Un fichier n’a pas pu être lu
code-missing-asset = Un lien pointe vers un fichier absent
code-unknown-template = Un gabarit remplacé ne remplace rien
code-stray-file = Un fichier ne fait pas partie du plan
code-incomplete-locale = La langue de l’interface est incomplète

## Durées
dur-2 = { $a } { $b }
dur-3 = { $a } { $b } { $c }
dur-w = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
}
dur-d = { $n } j
dur-h = { $n } h
dur-m = { $n } min

## Maîtrise documentaire
title-document = Maîtrise documentaire
nav-document = Document
copy-stamp = Exemplaire { $n } sur { $total }, détenu par { $holder }
copy-stamp-numbered = Exemplaire { $n }, détenu par { $holder }
uncontrolled-copy = Copie non maîtrisée une fois imprimée : vérifiez qu’il s’agit de la version en vigueur avant de vous y fier.
uncontrolled-copy-short = Copie non maîtrisée
binder-copy = Exemplaire
approved-by = Approuvé par
approved-on = Approuvé le
not-approved = non approuvé
classification = Classification
record-of-changes = Historique des modifications
change-version = Version
change-date = Date
change-by = Par
change-summary = Modification
record-from-git = D’après l’historique git du plan.
no-changes = Aucune modification enregistrée.
distribution-list = Liste de diffusion
copy-number = Exemplaire
holder = Détenteur
form = Support
issued = Remis le
no-distribution = Aucun exemplaire maîtrisé n’est listé (distribution.toml).
form-print = papier
form-usb = clé USB
form-phone = téléphone
form-intranet = intranet
form-email = e-mail
search-words-title-document = approbation modifications diffusion exemplaires version

## Training and readiness
title-readiness = Qui est prêt
readiness-summary = { $current } personnes sur { $people } ayant un rôle sont à jour.
readiness-intro-policy = Chaque personne ayant un rôle participe à un exercice, une formation ou une sensibilisation tous les { $every } (policy.train_every) ; un responsable de fiche réflexe, à l’un qui couvre sa fiche. Les plus en retard d’abord.
readiness-intro = Évalué sur { $every } (le plan ne fixe pas policy.train_every) ; pour un responsable de fiche réflexe, seul compte un exercice ou une formation qui couvre sa fiche. Les plus en retard d’abord.
readiness-nobody = Personne n’a encore de rôle dans le plan.
readiness-link = qui a participé à un exercice, une formation ou une sensibilisation pour son rôle, et qui doit le faire.
state-current = à jour
state-due = à faire sous 30 jours
state-overdue = en retard
state-never = jamais
role-call-tree = Chaîne d’alerte
role-report-back = Compte rendu
role-runbook-owner = Responsable de fiche
role-team-lead = Responsable d’équipe
role-alternate = Suppléant
exercise-kind-tabletop = exercice sur table
exercise-kind-walkthrough = revue pas à pas
exercise-kind-simulation = simulation
exercise-kind-full-scale = exercice grandeur nature
exercise-kind-training = formation
exercise-kind-briefing = sensibilisation
exercise-status-planned = prévu
exercise-status-done = réalisé
exercise-status-cancelled = annulé
last-trained = Dernier exercice ou formation
with-people = avec { $who }
dated = { $date } : { $what }
exercises-and-training = Exercices et formations
search-words-title-readiness = formation sensibilisation préparation rôles
code-untrained = Une personne ayant un rôle n’a pas été formée récemment
code-unapproved-changes = Une modification a été faite après l’approbation du plan

## Private numbers of an encrypted build
unlock-label = Phrase secrète des numéros privés
unlock = Déverrouiller
lock = Verrouiller les numéros privés
js-unlock-unsupported = Ce navigateur ne peut pas ouvrir les numéros privés (pas de WebCrypto).
js-unlock-working = Déverrouillage…
js-unlock-wrong = Phrase secrète incorrecte : rien n’a été déverrouillé.
js-locked = Verrouillé.
js-private-home = Domicile
js-private-mobile = Portable personnel
js-private-email = E-mail personnel
js-private-address = Adresse personnelle
js-private-result = Numéro privé

## The format's fixed words: runbook kinds, exercise outcomes
runbook-kind-response = réponse
runbook-kind-recovery = reprise
runbook-kind-workaround = mode dégradé
runbook-kind-communication = communication
exercise-outcome-pass = réussi
exercise-outcome-partial = partiel
exercise-outcome-fail = échec

## The format's fixed words: risk treatments, message channels, finding severities, recovery strategies
risk-treatment-accept = accepter
risk-treatment-reduce = réduire
risk-treatment-transfer = transférer
risk-treatment-avoid = éviter
channel-email = e-mail
channel-sms = SMS
channel-phone-script = script téléphonique
channel-web = web
channel-press = presse
finding-severity-low = faible
finding-severity-medium = moyenne
finding-severity-high = élevée
strategy-backup-restore = sauvegarde et restauration
strategy-redundancy = redondance
strategy-failover = bascule
strategy-manual-workaround = mode dégradé manuel
strategy-rebuild = reconstruction
strategy-vendor-recovery = reprise par le fournisseur
