# lifeboat: de interface in het Nederlands. Begrippen uit bedrijfscontinuïteit en
# crisisbeheersing (ISO 22301); zie docs/glossary.md: belboom, draaiboek,
# herstelvolgorde, bedrijfsimpactanalyse (BIA), logboek.

## Datums
date = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Elke pagina
skip-to-content = Naar de inhoud
private-banner = Dit exemplaar bevat privé-persoonsgegevens (gemaakt met --include-private). Bewaar het veilig; deel het niet.
edition = versie { $version }, gemaakt op { $built }
hotline = Noodnummer
search-placeholder = Zoeken: namen, nummers, draaiboeken ( / )
search-label = Zoeken in het plan
search-results = Zoekresultaten
menu = Menu
banner-old-copy = Dit exemplaar is gemaakt op { $built } en is ouder dan de herzieningstermijn van het plan ({ $period }). Haal zo mogelijk een nieuwer exemplaar en controleer nummers voordat u erop vertrouwt.
banner-review-due = Dit plan had op { $due } herzien moeten worden. Gegevens kunnen verouderd zijn: controleer nummers voordat u erop vertrouwt.
banner-overdue = Dit plan had op { $due } herzien moeten worden (laatst herzien op { $last }). Gegevens kunnen verouderd zijn: controleer nummers voordat u erop vertrouwt.
nav-sections = Onderdelen
nav-start = Start
nav-runbooks = Draaiboeken
nav-contacts = Contacten
nav-recovery = Herstelvolgorde
nav-services = Diensten
nav-vendors = Leveranciers
nav-log = Logboek
nav-comms = Communicatie
nav-impact = Impact
nav-risks = Risico's
nav-exercises = Oefeningen
nav-health = Plancontrole
nav-cards = Zakkaarten
nav-print = Afdrukken
footer-version = versie { $version }
footer-built = gemaakt op { $built } met { $generator }
call-the-hotline = { $label } bellen: { $number }
call-the-hotline-default = Het noodnummer bellen: { $number }
page-title = { $title } · { $organization }

## Paginatitels (ook de delen van de afdrukmap)
title-start = Wat nu te doen
title-services = Diensten
title-recovery = Herstelvolgorde
title-impact = Bedrijfsimpactanalyse (BIA)
title-risks = Risico's
title-runbooks = Draaiboeken
title-contacts = Contacten
title-vendors = Leveranciers
title-comms = Communicatie
title-exercises = Oefeningen
title-health = Plancontrole
title-log = Logboek
title-cards-a4 = Zakkaarten (A4)
title-cards-letter = Zakkaarten (US Letter)
title-call-tree = Belboom: { $name }

## Veelgebruikte woorden
none-yet = Nog geen in het plan.
no-services = Het plan heeft geen diensten.
none-recorded = Niets vastgelegd.
owner = Eigenaar
team = Team
phone = Telefoon
mobile = Mobiel
number-phone = telefoon
number-mobile = mobiel
number-team = team
email = E-mail
location = Locatie
services = Diensten
runbooks = Draaiboeken
vendors = Leveranciers
risks = Risico's
service = Dienst
runbook = Draaiboek
tier = Prioriteit
rto = RTO
rpo = RPO
mtpd = MTPD
wrt = WRT
kind = Soort
status = Status
outcome = Uitkomst
channel = Kanaal
audience = Doelgroep
severity = Ernst
date-heading = Datum
lead = Leider
members = Leden
never = nooit
yes = ja
no = nee
about-duration = ongeveer { $duration }
colon = :

## Startpagina
hotline-call = 1. Bel { $label }
hotline-call-default = 1. Bel het noodnummer
if-busy = In gesprek:
hotline-email = { email }:
say-what = Zeg wat u ziet, waar en sinds wanneer.
start-response = Start de aanpak
start-response-numbered = 2. Start de aanpak
about-duration-paren = (ongeveer { $duration })
severity-levels = Ernstniveaus
respond-within = Reageren binnen { $time }
update-every = Update elke { $time }
severity-call-tree = Belboom: { $tree }
notify = Informeren: { $who }
messages = Berichten: { $which }
then = Daarna
then-decide = { $strong } met de niveaus hierboven: ze zeggen hoe snel te reageren, wie te informeren en welke belboom te starten.
then-decide-strong = Bepaal de ernst
then-start = { $strong } van dat niveau en koppel terug zoals die aangeeft.
then-start-strong = Start de belboom
then-restore = Herstel in de { $order }
then-restore-rest = , met de { $runbooks } van elke dienst.
then-restore-order = herstelvolgorde
then-restore-runbooks = draaiboeken
then-note = { $strong } meteen in het { $log }.
then-note-strong = Leg besluiten vast
then-note-log = logboek
runbooks-by-scenario = Draaiboeken per scenario
call-trees = Belbomen
reports-back = Iedereen koppelt terug aan { $who }.
call-tree-sheet-link = De belboom op één blad
call-tree-sheet-rest = : nummers, vervangers en wat te doen als iemand niet opneemt.
tier-1-services = Diensten met prioriteit 1
plan-owner = Eigenaar van het plan: { $who }.
last-reviewed-on = Laatst herzien op { $date }.
plan-health-warnings = Plancontrole: { $n ->
    [one] { $n } waarschuwing
   *[other] { $n } waarschuwingen
}

## Diensten
services-intro = Per prioriteit, de meest kritieke eerst. Herstel ze in de { $order }.
tier-title = Prioriteit { $tier }
tier-title-label = Prioriteit { $tier }: { $label }
no-tier = Zonder prioriteit
recovery-label = Herstel
recovery-wave = golf { $n }
needs-first = Heeft eerst nodig (afhankelijkheden)
needs-nothing = Niets: deze dienst kan als eerste hersteld worden.
needed-by = Nodig voor (afhankelijk)
needed-by-nothing = Geen andere dienst hangt ervan af.
account-of = klantnummer { $account }
processes-need-it = Bedrijfsprocessen die hem nodig hebben
strategies = Strategieën

## Herstelvolgorde
recovery-intro = Herstel de diensten golf na golf: alles wat een dienst nodig heeft komt in een eerdere golf. Binnen een golf de meest kritieke eerst; diensten van één golf kunnen tegelijk hersteld worden.
wave = Golf { $n }
needs = Heeft nodig
cannot-order = Niet te ordenen
cannot-order-text = Deze diensten zitten in of achter een afhankelijkheidslus: { $services }.

## Bedrijfsimpact
impact-intro = De bedrijfsprocessen, hoe lang elk kan stilliggen en de diensten die het nodig heeft. De hoogste impact is de hoogste score (0-5) die het proces in zijn impacttabel bereikt.
process = Proces
peak-impact = Hoogste impact
workaround = Noodoplossing zolang diensten uitvallen
services-it-needs = Diensten die het nodig heeft
impact-over-time = Impact in de tijd
impact-after = Na
impact-financial = Financieel
impact-operational = Operationeel
impact-reputational = Reputatie
impact-legal = Juridisch
impact-safety = Veiligheid
impact-ratings = Scores: 0 geen tot 5 ernstig.
impact-chart-label = Impactscores van 0 tot 5 in de loop van een storing

## Risico's
heat-map = Risicomatrix
inherent-caption = Bruto: vóór maatregelen
residual-caption = Netto: na maatregelen
inherent-risk = Bruto risico
residual-risk = Restrisico
risk-legend = Score = kans × impact.
register = Register
register-intro = Hoogste bruto score eerst.
risk = Risico
score = Score
residual = Netto
treatment = Behandeling
threat = Dreiging:
vulnerability = Kwetsbaarheid:
mitigations = Maatregelen:
reviewed-on = Herzien op { $date }
likelihood-impact = K{ $likelihood } × I{ $impact }
heat-likelihood = Kans
heat-impact = Impact

## Draaiboeken
by-scenario = Per scenario
every-runbook = Alle draaiboeken
takes = Duur
last-tested = Laatst getest
takes-about = Duurt ongeveer { $duration }.
owner-is = Eigenaar: { $who }.
clear-ticks = Vinkjes wissen
about-this-runbook = Over dit draaiboek
scenarios = Scenario's
takes-about-label = Duurt ongeveer
reviewed = Herzien
exercised-in = Geoefend in
on-this-page = Op deze pagina
link-to-section = Link naar dit onderdeel
done = Gedaan
alert-note = Opmerking
alert-tip = Tip
alert-important = Belangrijk
alert-warning = Waarschuwing
alert-caution = Voorzichtig

## Contacten
people = Personen
name-and-number = Naam en nummer
role = Functie
teams = Teams
team-and-number = Team en nummer
add-to-phone = Toevoegen aan telefoon
vcard = (vCard)
vcard-private = (vCard, met privégegevens)
if-unreachable = Bij onbereikbaarheid
details-confirmed = Gegevens bevestigd
private-details = Privégegevens
home = Thuis
personal-mobile = Privé mobiel
personal-email = Privé e-mail
home-address = Huisadres
in-call-trees = In belbomen
starts-it = start hem.
called-by-who = wordt gebeld door { $who }.
calls-in-order = Belt op volgorde: { $who }.
reports-back-to = Koppelt terug aan { $who }.

## Belbomen
started-by = Gestart door { $who }
for-severities = bij { $levels }
people-count = { $n ->
    [one] { $n } persoon.
   *[other] { $n } personen.
}
call-rule-1 = Bel de mensen onder uw naam, op volgorde.
call-rule-1-rest = Zeg wat er gebeurd is, wat zij moeten doen en aan wie zij terugkoppelen.
call-rule-2 = Geen antwoord?
call-rule-2-rest = Spreek een kort bericht in en bel dan de vervanger (hieronder genoemd). Neemt ook die niet op, ga dan verder met uw lijst en bel de mensen die hij of zij gebeld zou hebben.
call-rule-3 = Koppel terug
call-rule-3-to = aan { $who }
call-rule-3-rest = : wie u bereikt hebt en wie niet.
person = Persoon
numbers = Nummers
calls-in-order-heading = Belt op volgorde
if-no-answer = Geen antwoord, bel
called-by = gebeld door { $who }
no-number = geen nummer
cards-of-tree = Iedereen in deze belboom heeft een persoonlijke zakkaart: { $a4 } (A4) of { $letter }.
print-the-cards = druk de kaarten af
on-us-letter = op US Letter

## Leveranciers
vendor-and-line = Leverancier en supportlijn
supplies = Levert
account = Klantnummer
contract-ends = Contract loopt af
support-line = Supportlijn
our-account = Ons klantnummer
support-email = Support-e-mail
support-site = Supportwebsite
sla = SLA
restores-within = Herstelt binnen
soon-or-past = (binnenkort of verlopen)
has-dr-plan = Heeft een uitwijkplan
last-assessed = Laatst beoordeeld
people-at = Mensen bij { $vendor }
services-it-supplies = Diensten die hij levert

## Communicatie
templates = Sjablonen
template = Sjabloon
stakeholder-groups = Belanghebbenden: wie hoe en wanneer geïnformeerd wordt
group = Groep
notify-within = Informeren binnen
who-sends = Wie verstuurt
notified-at = Geïnformeerd bij
fill-in = Invullen
fill-in-intro = Typ elke waarde één keer: elke plek in het bericht neemt hem over. Niets verlaat deze pagina.
copy-message = Bericht kopiëren
who-sends-to-group = Wie deze groep informeert
templates-for-group = Sjablonen voor deze groep

## Oefeningen
exercises-intro = Tests en oefeningen van het plan, de nieuwste eerst.
exercise = Oefening
open-findings = Open bevindingen
facilitator = Oefenleider
participants = Deelnemers
findings = Bevindingen
finding = Bevinding
calendar-name = { $plan }: oefeningen
calendar-field = { $label }: { $value }
calendar-finding-open = Bevinding (open): { $title }
calendar-finding-done = Bevinding (afgehandeld): { $title }
action = Actie
due = Uiterlijk
overdue = (te laat)

## Plancontrole
warnings-from-check = { $n ->
    [one] { $n } waarschuwing
   *[other] { $n } waarschuwingen
} van { $check }:
warning = Waarschuwing
about = Betreft
where = Waar
no-warnings = Geen waarschuwingen: { $check } vond niets om te verbeteren.

## Zakkaarten
cards-title = Zakkaarten ({ $paper })
cards-intro = { $n ->
    [one] { $n } kaart
   *[other] { $n } kaarten
}, { $per } per vel, elk 85,60 x 53,98 mm (bankpasformaat CR80), voorkanten op het ene vel en hun achterkanten op het volgende. Druk deze pagina af op { $how }; controleer de liniaal van 50 mm op het vel en knip dan langs de snijtekens.
cards-how = 100 % (werkelijke grootte), zonder marges, dubbelzijdig, omslaan langs de lange kant
cards-other = Dezelfde kaarten op { $paper }
paper-a4 = A4
paper-letter = US Letter
the-cards = De kaarten
sheet-fronts-label = Vel { $n }, voorkanten
sheet-backs-label = Vel { $n }, achterkanten
sheet-fronts = Vel { $n }: voorkanten. Afdrukken op 100 % (werkelijke grootte), zonder marges, dubbelzijdig.
sheet-backs = Vel { $n }: achterkanten. Afdrukken op de achterkant van vel { $front } (dubbelzijdig, omslaan langs de lange kant).
card-plan-version = Plan { $version }
card-scan = Scan: { $what }
card-more-numbers = Meer nummers
card-for = Voor: { $who }
card-called-by = Gebeld door
card-you-start = U start deze belboom
card-you-call = U belt op volgorde
card-you-call-more = U belt, vervolg
card-report-back = Terugkoppelen aan
card-everyone-reports = Iedereen koppelt aan u terug
card-when-called = Als u gebeld wordt: bevestig dat u het bericht hebt, doe wat gevraagd wordt en koppel terug.
card-when-called-to = Als u gebeld wordt: bevestig dat u het bericht hebt, doe wat gevraagd wordt en koppel terug aan { $who }.
card-no-answer-alternate = Geen antwoord? Bel de vervanger
card-alternates-more = Vervangers, vervolg
card-no-answer = Geen antwoord?
card-no-answer-text = Spreek een bericht in, ga verder met uw lijst en meld bij het terugkoppelen wie niet opnam.
qr-plan-site = Website van het plan
qr-web-address = Webadres
qr-support = Support

## Logboek
log-intro = Leg elk besluit en elke actie vast zodra het gebeurt, met de tijd: het verslag waar auditors en de evaluatie na het incident om vragen.
log-what = Wat is besloten of gedaan
log-by-optional = Door (optioneel)
log-add = Toevoegen aan het logboek
log-one-tap = Met één tik
log-incident-declared = Incident afgekondigd
log-severity-set = Ernst vastgesteld: { $level }
log-severity = Ernst: { $level }
log-tree-started = Belboom gestart: { $tree }
log-update-sent-entry = Update verstuurd aan belanghebbenden
log-update-sent = Update verstuurd
log-service-restored = Dienst hersteld
log-all-clear-entry = Sein veilig gegeven
log-all-clear = Sein veilig
log-runbook-started = Draaiboek gestart
log-entries = Regels
log-nothing-yet = Nog niets vastgelegd.
log-copy-text = Kopiëren als tekst
log-copy-markdown = Kopiëren als Markdown
log-download = Downloaden (Markdown)
log-new = Nieuw logboek beginnen
log-out = Het logboek, om in het ticket te plakken
log-kept-here = Alleen in deze browser op dit apparaat bewaard; er wordt niets verstuurd.
log-on-paper = Op papier
log-paper-intro = Zonder het script van deze pagina (of bij afdrukken) deze tabel gebruiken.
log-time = Tijd
log-decision = Besluit of actie
log-by = Door

## Verwijzingen op de pagina van een onderdeel
related = { $how } { $kinds }
rel-qr = In de QR-code van
rel-owner = Eigenaar van
rel-lead = Leider van
rel-members = Lid van
rel-team = Team van
rel-alternates = Vervanger in
rel-participants = Deelgenomen aan
rel-facilitator = Geleid
rel-contacts = Genoemd in
rel-depends-on = Nodig voor
rel-vendors = Leverancier van
rel-services = Nodig voor
rel-runbooks = Geoefend in
rel-audience = Gericht aan
rel-in = In
rel-body = Genoemd in
rel-other = Verwezen door
rel-exercise-owner = Eigenaar van bevindingen van oefeningen
kinds-contact = contacten
kinds-team = teams
kinds-call-tree = belbomen
kinds-vendor = leveranciers
kinds-risk = risico's
kinds-service = diensten
kinds-process = processen
kinds-runbook = draaiboeken
kinds-template = communicatiesjablonen
kinds-stakeholder = groepen belanghebbenden
kinds-exercise = oefeningen
kinds-card = zakkaarten

## Zoeken
kind-page = Pagina
kind-contact = Contact
kind-team = Team
kind-call-tree = Belboom
kind-vendor = Leverancier
kind-risk = Risico
kind-service = Dienst
kind-process = Proces
kind-runbook = Draaiboek
kind-template = Sjabloon
kind-stakeholder = Belanghebbenden
kind-exercise = Oefening
search-page-cards = Zakkaarten
search-page-print = Het hele plan, om af te drukken
search-page-risks = Risicoregister

## Afdrukmap
binder-title = Het hele plan
binder-plan-version = Planversie
binder-last-reviewed = Laatst herzien
binder-next-review = Volgende herziening
binder-printed-from = Afgedrukt van de versie van
binder-contents = Inhoud
binder-page-footer = Planversie { $version }
binder-page = Pagina
binder-of = van
part-call-trees = Belbomen
part-services = Diensten per prioriteit
part-log = Logboek (papier)

## Scripts van de pagina's
js-today = (vandaag)
js-in-days = { $n ->
    [one] (over { $n } dag)
   *[other] (over { $n } dagen)
}
js-days-ago = { $n ->
    [one] ({ $n } dag geleden)
   *[other] ({ $n } dagen geleden)
}
js-offline-copy = Offline kopie op dit apparaat: versie { $version }
js-offline-copy-built = Offline kopie op dit apparaat: versie { $version }, gemaakt op { $built }
js-search-unavailable = De zoekindex kon niet geladen worden.
js-search-loading = Zoekindex laden…
js-search-nothing = Niets gevonden voor ‘{ $query }’.
js-minutes = { $n } min
js-hours-minutes = { $h } u { $m } min
js-runbook-started = Draaiboek gestart: { $title }
js-tick-each-step = Vink elke stap aan zodra die gedaan is.
js-tick-each-step-about = Vink elke stap aan zodra die gedaan is (ongeveer { $time }).
js-started-ago = Begonnen om { $time }: { $took } geleden
js-estimated = (geschat { $time })
js-steps-done = { $done } van { $total } stappen gedaan.
js-step-done = Gedaan: { $step }
js-step = stap
js-log-title = Logboek: { $plan } (planversie { $version })
js-sms-count = { $chars } tekens ({ $encoding }), { $n ->
    [one] { $n } sms
   *[other] { $n } sms-delen
}
js-copied = Gekopieerd.
js-copy-by-hand = Selecteer de tekst en kopieer hem.

## Grafieken
heat-map-label = { $title }: { $n ->
    [one] { $n } risico naar kans en impact
   *[other] { $n } risico's naar kans en impact
}
heat-axis-likelihood = Kans →
heat-axis-impact = Impact →
impact-axis-time = Tijd sinds het begin van de storing →
card-alternate-for = { $alternate } voor { $who }
qr-save-hotline = noodnummer opslaan
sheet-cut = Knip langs de snijtekens: elke kaart is 85,60 x 53,98 mm.
sheet-ruler = Deze liniaal moet 50 mm meten

## Zoeken: meer woorden die de pagina's van de site vinden
search-words-title-start = noodnummer ernst eerste stappen
search-words-title-recovery = herstel golven afhankelijkheden
search-words-title-log = besluiten acties tijdlijn
search-words-title-health = waarschuwingen controles
search-words-search-page-cards = afdrukken kaart QR
search-words-search-page-print = afdrukken map PDF
search-words-search-page-risks = risicomatrix risico's
search-words-title-impact = BIA processen impact
search-words-title-comms = sjablonen belanghebbenden berichten
search-words-title-exercises = tests oefening planning

## De standaardschalen van risico's (een plan zonder [risk_matrix])
risk-likelihood-1 = Zelden
risk-likelihood-2 = Onwaarschijnlijk
risk-likelihood-3 = Mogelijk
risk-likelihood-4 = Waarschijnlijk
risk-likelihood-5 = Vrijwel zeker
risk-impact-1 = Minimaal
risk-impact-2 = Klein
risk-impact-3 = Matig
risk-impact-4 = Groot
risk-impact-5 = Ernstig
risk-band-1 = Laag
risk-band-2 = Gemiddeld
risk-band-3 = Hoog
risk-band-4 = Extreem
qr-code = QR-code

## Plancontrole: wat elke code betekent
code-rto-inversion = Een dienst heeft een dienst nodig die later hersteld wordt
code-rpo-inversion = Een dienst mag meer gegevens verliezen dan een dienst die hij nodig heeft
code-process-rto = Een proces heeft een dienst nodig die later hersteld wordt
code-vendor-restore = Een leverancier herstelt trager dan de dienst vraagt
code-no-runbook = Een kritieke dienst heeft geen draaiboek
code-not-exercised = Een draaiboek is lang niet geoefend
code-plan-review-overdue = De herziening van het plan is te laat
code-contract-ending = Een leverancierscontract loopt binnenkort af
code-finding-overdue = Een bevinding van een oefening is te laat
code-no-phone = Een contact heeft geen telefoonnummer
code-phone-format = Een telefoonnummer lijkt onjuist
code-mtd-budget = Herstel duurt langer dan het proces mag stilliggen
code-contact-unverified = De gegevens van een contact zijn lang niet bevestigd
code-unowned = Niemand is eigenaar van een onderdeel
code-unreadable-file = Een bestand kon niet gelezen worden
code-missing-asset = Een link verwijst naar een ontbrekend bestand
code-unknown-template = Een vervangen sjabloon vervangt niets
code-stray-file = Een bestand hoort niet bij het plan
code-incomplete-locale = De taal van de interface is onvolledig

## Duren
dur-2 = { $a } { $b }
dur-3 = { $a } { $b } { $c }
dur-w = { $n } wk
dur-d = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
dur-h = { $n } u
dur-m = { $n } min

## Documentbeheer
title-document = Documentbeheer
nav-document = Document
copy-stamp = Exemplaar { $n } van { $total }, in bezit van { $holder }
copy-stamp-numbered = Exemplaar { $n }, in bezit van { $holder }
uncontrolled-copy = Onbeheerd exemplaar zodra afgedrukt: controleer of het de actuele versie is voordat u erop vertrouwt.
uncontrolled-copy-short = Onbeheerd exemplaar
binder-copy = Exemplaar
approved-by = Goedgekeurd door
approved-on = Goedgekeurd op
not-approved = niet goedgekeurd
classification = Rubricering
record-of-changes = Wijzigingsoverzicht
change-version = Versie
change-date = Datum
change-by = Door
change-summary = Wijziging
record-from-git = Uit de git-geschiedenis van het plan.
no-changes = Geen wijzigingen vastgelegd.
distribution-list = Verspreidingslijst
copy-number = Exemplaar
holder = Houder
form = Vorm
issued = Uitgereikt
no-distribution = Er staan geen beheerde exemplaren op de lijst (distribution.toml).
form-print = papier
form-usb = USB-stick
form-phone = telefoon
form-intranet = intranet
form-email = e-mail
search-words-title-document = goedkeuring wijzigingen verspreiding exemplaren versie

## Training and readiness
title-readiness = Wie is er klaar voor
readiness-summary = { $current } van { $people } mensen met een rol zijn bij.
readiness-intro-policy = Iedereen met een rol neemt elke { $every } deel aan een oefening, training of briefing (policy.train_every); de eigenaar van een draaiboek aan een die dat draaiboek behandelt. De meest achterstallige eerst.
readiness-intro = Beoordeeld tegen { $every } (het plan zet geen policy.train_every); voor de eigenaar van een draaiboek telt alleen een oefening of training die het behandelt. De meest achterstallige eerst.
readiness-nobody = Nog niemand heeft een rol in het plan.
readiness-link = wie voor zijn rol aan een oefening, training of briefing heeft deelgenomen, en wie aan de beurt is.
state-current = bij
state-due = binnen 30 dagen
state-overdue = achterstallig
state-never = nooit
role-call-tree = Belboom
role-report-back = Terugkoppeling
role-runbook-owner = Eigenaar draaiboek
role-team-lead = Teamleider
role-alternate = Vervanger
exercise-kind-tabletop = tabletop
exercise-kind-walkthrough = doorloop
exercise-kind-simulation = simulatie
exercise-kind-full-scale = volledige oefening
exercise-kind-training = training
exercise-kind-briefing = briefing
exercise-status-planned = gepland
exercise-status-done = uitgevoerd
exercise-status-cancelled = geannuleerd
last-trained = Laatst geoefend of getraind
with-people = met { $who }
dated = { $date }: { $what }
exercises-and-training = Oefeningen en trainingen
search-words-title-readiness = training bewustwording paraatheid rollen
code-untrained = Iemand met een rol is lang niet getraind
code-unapproved-changes = Een wijziging kwam na de goedkeuring van het plan

## Private numbers of an encrypted build
unlock-label = Wachtzin voor privénummers
unlock = Ontgrendelen
lock = Privénummers vergrendelen
js-unlock-unsupported = Deze browser kan de privénummers niet openen (geen WebCrypto).
js-unlock-working = Ontgrendelen…
js-unlock-wrong = Verkeerde wachtzin: er is niets ontgrendeld.
js-locked = Vergrendeld.
js-private-home = Thuis
js-private-mobile = Privé mobiel
js-private-email = Privé e-mail
js-private-address = Huisadres
js-private-result = Privénummer

## The format's fixed words: runbook kinds, exercise outcomes
runbook-kind-response = respons
runbook-kind-recovery = herstel
runbook-kind-workaround = noodoplossing
runbook-kind-communication = communicatie
exercise-outcome-pass = geslaagd
exercise-outcome-partial = deels
exercise-outcome-fail = niet geslaagd

## The format's fixed words: risk treatments, message channels, finding severities, recovery strategies
risk-treatment-accept = accepteren
risk-treatment-reduce = verminderen
risk-treatment-transfer = overdragen
risk-treatment-avoid = vermijden
channel-email = e-mail
channel-sms = sms
channel-phone-script = belscript
channel-web = web
channel-press = pers
finding-severity-low = laag
finding-severity-medium = middel
finding-severity-high = hoog
strategy-backup-restore = back-up en herstel
strategy-redundancy = redundantie
strategy-failover = failover
strategy-manual-workaround = handmatige noodoplossing
strategy-rebuild = herbouw
strategy-vendor-recovery = herstel door leverancier
