# lifeboat: die Oberfläche auf Deutsch. Begriffe nach BSI-Standard 200-4 und
# gängiger BCM-Praxis (siehe docs/glossary.md): Alarmierungskette, Ablaufplan,
# Wiederanlauf, Business-Impact-Analyse (BIA, wie BSI 200-4 sie nennt), Ereignisprotokoll.

## Datumsangaben
date = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Jede Seite
skip-to-content = Zum Inhalt springen
private-banner = Diese Ausgabe enthält private personenbezogene Daten (erstellt mit --include-private). Sicher aufbewahren und nicht weitergeben.
edition = Version { $version }, Stand { $built }
hotline = Notfallnummer
search-placeholder = Suche: Namen, Nummern, Ablaufpläne ( / )
search-label = Den Plan durchsuchen
search-results = Suchergebnisse
menu = Menü
banner-old-copy = Diese Ausgabe wurde am { $built } erstellt und ist älter als der Prüfzyklus des Plans ({ $period }). Beschaffen Sie nach Möglichkeit eine aktuelle Ausgabe und prüfen Sie Telefonnummern, bevor Sie sich darauf verlassen.
banner-review-due = Dieser Plan hätte am { $due } überprüft werden müssen. Angaben können veraltet sein: Telefonnummern vor Gebrauch prüfen.
banner-overdue = Dieser Plan hätte am { $due } überprüft werden müssen (zuletzt geprüft am { $last }). Angaben können veraltet sein: Telefonnummern vor Gebrauch prüfen.
nav-sections = Bereiche
nav-start = Start
nav-runbooks = Ablaufpläne
nav-contacts = Kontakte
nav-recovery = Wiederanlauf
nav-services = IT-Dienste
nav-vendors = Dienstleister
nav-log = Ereignisprotokoll
nav-comms = Kommunikation
nav-impact = BIA
nav-risks = Risiken
nav-exercises = Übungen
nav-health = Planprüfung
nav-cards = Notfallkarten
nav-print = Drucken
footer-version = Version { $version }
footer-built = Stand { $built }, erstellt mit { $generator }
call-the-hotline = { $label } anrufen: { $number }
call-the-hotline-default = Notfallnummer anrufen: { $number }
page-title = { $title } · { $organization }

## Seitentitel (auch die Teile des Druckordners)
title-start = Was jetzt zu tun ist
title-services = IT-Dienste
title-recovery = Wiederanlaufreihenfolge
title-impact = Business-Impact-Analyse (BIA)
title-risks = Risiken
title-runbooks = Ablaufpläne
title-contacts = Kontakte
title-vendors = Dienstleister
title-comms = Kommunikation
title-exercises = Übungen
title-health = Planprüfung
title-log = Ereignisprotokoll
title-cards-a4 = Notfallkarten (A4)
title-cards-letter = Notfallkarten (US Letter)
title-call-tree = Alarmierungskette: { $name }

## Häufige Wörter
none-yet = Noch keine im Plan.
no-services = Der Plan enthält keine IT-Dienste.
none-recorded = Keine erfasst.
owner = Verantwortlich
team = Team
phone = Telefon
mobile = Mobil
number-phone = Telefon
number-mobile = Mobil
number-team = Team
email = E-Mail
location = Standort
services = IT-Dienste
runbooks = Ablaufpläne
vendors = Dienstleister
risks = Risiken
service = IT-Dienst
runbook = Ablaufplan
tier = Kritikalität
rto = RTO
rpo = RPO
mtpd = MTPD
wrt = WRT
kind = Art
status = Status
outcome = Ergebnis
channel = Kanal
audience = Empfänger
severity = Schweregrad
date-heading = Datum
lead = Leitung
members = Mitglieder
never = nie
yes = ja
no = nein
about-duration = etwa { $duration }
colon = :

## Startseite
hotline-call = 1. { $label } anrufen
hotline-call-default = 1. Die Notfallnummer anrufen
if-busy = Falls besetzt:
hotline-email = { email }:
say-what = Sagen Sie, was Sie beobachten, wo und seit wann.
start-response = Reaktion einleiten
start-response-numbered = 2. Reaktion einleiten
about-duration-paren = (etwa { $duration })
severity-levels = Schweregrade
respond-within = Reaktion binnen { $time }
update-every = Lagebericht alle { $time }
severity-call-tree = Alarmierungskette: { $tree }
notify = Benachrichtigen: { $who }
messages = Meldungen: { $which }
then = Danach
then-decide = { $strong } anhand der Stufen oben: Sie legen fest, wie schnell reagiert wird, wer benachrichtigt wird und welche Alarmierungskette startet.
then-decide-strong = Schweregrad festlegen
then-start = { $strong } dieses Schweregrads und melden Sie zurück, wie dort angegeben.
then-start-strong = Starten Sie die Alarmierungskette
then-restore = Wiederanlauf in der { $order }
then-restore-rest = , mit den { $runbooks } jedes IT-Dienstes.
then-restore-order = Wiederanlaufreihenfolge
then-restore-runbooks = Ablaufplänen
then-note = { $strong } laufend im { $log }.
then-note-strong = Entscheidungen festhalten
then-note-log = Ereignisprotokoll
runbooks-by-scenario = Ablaufpläne nach Szenario
call-trees = Alarmierungsketten
reports-back = Alle melden sich zurück bei { $who }.
call-tree-sheet-link = Die Alarmierungskette auf einem Blatt
call-tree-sheet-rest = : Nummern, Vertretungen und was zu tun ist, wenn jemand nicht erreichbar ist.
tier-1-services = Kritischste IT-Dienste (Stufe 1)
plan-owner = Planverantwortlich: { $who }.
last-reviewed-on = Zuletzt geprüft am { $date }.
plan-health-warnings = Planprüfung: { $n ->
    [one] { $n } Hinweis
   *[other] { $n } Hinweise
}

## IT-Dienste
services-intro = Nach Kritikalität, die kritischsten zuerst. Wiederherstellen in der { $order }.
tier-title = Stufe { $tier }
tier-title-label = Stufe { $tier }: { $label }
no-tier = Ohne Stufe
recovery-label = Wiederanlauf
recovery-wave = Welle { $n }
needs-first = Benötigt zuerst (vorgelagert)
needs-nothing = Nichts: dieser IT-Dienst kann als Erstes wiederhergestellt werden.
needed-by = Benötigt von (nachgelagert)
needed-by-nothing = Kein anderer IT-Dienst hängt davon ab.
account-of = Kundennummer { $account }
processes-need-it = Geschäftsprozesse, die ihn benötigen
strategies = Strategien

## Wiederanlaufreihenfolge
recovery-intro = Stellen Sie die IT-Dienste Welle für Welle wieder her: Alles, was ein Dienst benötigt, kommt in einer früheren Welle. Innerhalb einer Welle die kritischsten zuerst; Dienste derselben Welle können parallel wiederhergestellt werden.
wave = Welle { $n }
needs = Benötigt
cannot-order = Nicht einzuordnen
cannot-order-text = Diese IT-Dienste liegen in oder hinter einer Abhängigkeitsschleife: { $services }.

## Geschäftsauswirkungen
impact-intro = Die Geschäftsprozesse, wie lange jeder ausfallen darf und welche IT-Dienste er benötigt. Die höchste Auswirkung ist die höchste Bewertung (0–5), die der Prozess in seiner Auswirkungstabelle erreicht.
process = Prozess
peak-impact = Höchste Auswirkung
workaround = Notbetrieb, solange IT-Dienste ausfallen
services-it-needs = Benötigte IT-Dienste
impact-over-time = Auswirkung im Zeitverlauf
impact-after = Nach
impact-financial = Finanziell
impact-operational = Betrieblich
impact-reputational = Reputation
impact-legal = Rechtlich
impact-safety = Sicherheit von Personen
impact-ratings = Bewertung: 0 keine bis 5 schwerwiegend.
impact-chart-label = Auswirkungen von 0 bis 5 im Verlauf eines Ausfalls

## Risiken
heat-map = Risikomatrix
inherent-caption = Brutto: vor Maßnahmen
residual-caption = Netto: nach Maßnahmen
inherent-risk = Bruttorisiko
residual-risk = Nettorisiko
risk-legend = Wert = Eintrittswahrscheinlichkeit × Auswirkung.
register = Risikoregister
register-intro = Höchster Bruttowert zuerst.
risk = Risiko
score = Wert
residual = Netto
treatment = Behandlung
threat = Bedrohung:
vulnerability = Schwachstelle:
mitigations = Maßnahmen:
reviewed-on = Geprüft am { $date }
likelihood-impact = W{ $likelihood } × A{ $impact }
heat-likelihood = Eintrittswahrscheinlichkeit
heat-impact = Auswirkung

## Ablaufpläne
by-scenario = Nach Szenario
every-runbook = Alle Ablaufpläne
takes = Dauer
last-tested = Zuletzt getestet
takes-about = Dauert etwa { $duration }.
owner-is = Verantwortlich: { $who }.
clear-ticks = Häkchen entfernen
about-this-runbook = Zu diesem Ablaufplan
scenarios = Szenarien
takes-about-label = Dauer etwa
reviewed = Geprüft
exercised-in = Geübt in
on-this-page = Auf dieser Seite
link-to-section = Link zu diesem Abschnitt
done = Erledigt
alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
alert-caution = Vorsicht

## Kontakte
people = Personen
name-and-number = Name und Nummer
role = Funktion
teams = Teams
team-and-number = Team und Nummer
add-to-phone = Ins Telefon übernehmen
vcard = (vCard)
vcard-private = (vCard, mit privaten Angaben)
if-unreachable = Falls nicht erreichbar
details-confirmed = Angaben bestätigt
private-details = Private Angaben
home = Privat
personal-mobile = Privates Mobiltelefon
personal-email = Private E-Mail
home-address = Privatanschrift
in-call-trees = In Alarmierungsketten
starts-it = startet sie.
called-by-who = wird angerufen von { $who }.
calls-in-order = Ruft der Reihe nach an: { $who }.
reports-back-to = Meldet sich zurück bei { $who }.

## Alarmierungsketten
started-by = Gestartet von { $who }
for-severities = bei { $levels }
people-count = { $n ->
    [one] { $n } Person.
   *[other] { $n } Personen.
}
call-rule-1 = Rufen Sie die Personen unter Ihrem Namen der Reihe nach an.
call-rule-1-rest = Sagen Sie, was geschehen ist, was zu tun ist und bei wem man sich zurückmeldet.
call-rule-2 = Keine Antwort?
call-rule-2-rest = Hinterlassen Sie eine kurze Nachricht und rufen Sie die Vertretung an (unten genannt). Antwortet auch die Vertretung nicht, gehen Sie Ihre Liste weiter durch und rufen Sie die Personen an, die sie angerufen hätte.
call-rule-3 = Zurückmelden
call-rule-3-to = bei { $who }
call-rule-3-rest = : wen Sie erreicht haben, wen nicht.
person = Person
numbers = Nummern
calls-in-order-heading = Ruft der Reihe nach an
if-no-answer = Falls keine Antwort, anrufen
called-by = angerufen von { $who }
no-number = keine Nummer
cards-of-tree = Alle in dieser Kette haben eine persönliche Notfallkarte: { $a4 } (A4) oder { $letter }.
print-the-cards = Karten drucken
on-us-letter = auf US Letter

## Dienstleister
vendor-and-line = Dienstleister und Störungsnummer
supplies = Liefert
account = Kundennummer
contract-ends = Vertragsende
support-line = Störungsnummer
our-account = Unsere Kundennummer
support-email = Support-E-Mail
support-site = Support-Website
sla = SLA
restores-within = Wiederherstellung binnen
soon-or-past = (bald oder abgelaufen)
has-dr-plan = Hat einen Notfallplan
last-assessed = Zuletzt bewertet
people-at = Ansprechpersonen bei { $vendor }
services-it-supplies = IT-Dienste, die er liefert

## Kommunikation
templates = Vorlagen
template = Vorlage
stakeholder-groups = Interessengruppen: wer wie und wann informiert wird
group = Gruppe
notify-within = Informieren binnen
who-sends = Wer sendet
notified-at = Informiert bei
fill-in = Ausfüllen
fill-in-intro = Jeden Wert einmal eingeben: Er erscheint an jeder Stelle der Nachricht. Nichts verlässt diese Seite.
copy-message = Nachricht kopieren
who-sends-to-group = Wer diese Gruppe informiert
templates-for-group = Vorlagen für diese Gruppe

## Übungen
exercises-intro = Tests und Übungen des Plans, die neuesten zuerst.
exercise = Übung
open-findings = Offene Feststellungen
facilitator = Übungsleitung
participants = Teilnehmende
findings = Feststellungen
finding = Feststellung
calendar-name = { $plan }: Übungen
calendar-field = { $label }: { $value }
calendar-finding-open = Feststellung (offen): { $title }
calendar-finding-done = Feststellung (erledigt): { $title }
action = Maßnahme
due = Fällig
overdue = (überfällig)

## Planprüfung
warnings-from-check = { $n ->
    [one] { $n } Hinweis
   *[other] { $n } Hinweise
} von { $check }:
warning = Hinweis
about = Betrifft
where = Fundstelle
no-warnings = Keine Hinweise: { $check } hat nichts zu beanstanden.

## Notfallkarten
cards-title = Notfallkarten ({ $paper })
cards-intro = { $n ->
    [one] { $n } Karte
   *[other] { $n } Karten
}, { $per } pro Blatt, je 85,60 x 53,98 mm (Scheckkartenformat CR80), Vorderseiten auf einem Blatt, ihre Rückseiten auf dem nächsten. Drucken Sie diese Seite mit { $how }; prüfen Sie das 50-mm-Lineal auf dem Blatt und schneiden Sie dann entlang der Marken.
cards-how = 100 % (tatsächliche Größe), ohne Ränder, beidseitig, an der langen Kante spiegeln
cards-other = Dieselben Karten auf { $paper }
paper-a4 = A4
paper-letter = US Letter
the-cards = Die Karten
sheet-fronts-label = Blatt { $n }, Vorderseiten
sheet-backs-label = Blatt { $n }, Rückseiten
sheet-fronts = Blatt { $n }: Vorderseiten. Mit 100 % (tatsächliche Größe), ohne Ränder, beidseitig drucken.
sheet-backs = Blatt { $n }: Rückseiten. Auf die Rückseite von Blatt { $front } drucken (beidseitig, an der langen Kante spiegeln).
card-plan-version = Plan { $version }
card-scan = Scannen: { $what }
card-more-numbers = Weitere Nummern
card-for = Für: { $who }
card-called-by = Angerufen von
card-you-start = Sie starten diese Kette
card-you-call = Sie rufen der Reihe nach an
card-you-call-more = Sie rufen an, Fortsetzung
card-report-back = Zurückmelden bei
card-everyone-reports = Alle melden sich bei Ihnen zurück
card-when-called = Wenn Sie angerufen werden: Nachricht bestätigen, tun, was verlangt wird, und zurückmelden.
card-when-called-to = Wenn Sie angerufen werden: Nachricht bestätigen, tun, was verlangt wird, und bei { $who } zurückmelden.
card-no-answer-alternate = Keine Antwort? Vertretung anrufen
card-alternates-more = Vertretungen, Fortsetzung
card-no-answer = Keine Antwort?
card-no-answer-text = Nachricht hinterlassen, Liste weiter abarbeiten und beim Zurückmelden sagen, wer nicht erreichbar war.
qr-plan-site = Plan-Website
qr-web-address = Webadresse
qr-support = Support

## Ereignisprotokoll
log-intro = Halten Sie jede Entscheidung und Maßnahme mit Uhrzeit fest, sobald sie geschieht: die Aufzeichnung, die Prüfer und die Nachbereitung verlangen.
log-what = Was wurde entschieden oder getan
log-by-optional = Von (optional)
log-add = Ins Protokoll
log-one-tap = Mit einem Tipp
log-incident-declared = Notfall ausgerufen
log-severity-set = Schweregrad festgelegt: { $level }
log-severity = Schweregrad: { $level }
log-tree-started = Alarmierungskette gestartet: { $tree }
log-update-sent-entry = Lagebericht an Interessengruppen versandt
log-update-sent = Lagebericht versandt
log-service-restored = IT-Dienst wiederhergestellt
log-all-clear-entry = Entwarnung gegeben
log-all-clear = Entwarnung
log-runbook-started = Ablaufplan gestartet
log-entries = Einträge
log-nothing-yet = Noch nichts erfasst.
log-copy-text = Als Text kopieren
log-copy-markdown = Als Markdown kopieren
log-download = Herunterladen (Markdown)
log-new = Neues Protokoll beginnen
log-out = Das Protokoll, zum Einfügen ins Ticket
log-kept-here = Nur in diesem Browser auf diesem Gerät gespeichert; nichts wird übertragen.
log-on-paper = Auf Papier
log-paper-intro = Ohne das Skript dieser Seite (oder beim Drucken) diese Tabelle verwenden.
log-time = Uhrzeit
log-decision = Entscheidung oder Maßnahme
log-by = Von

## Verweise auf der Seite eines Eintrags
related = { $how } { $kinds }
rel-qr = Im QR-Code von
rel-owner = Verantwortlich für
rel-lead = Leitet
rel-members = Mitglied von
rel-team = Team von
rel-alternates = Vertritt in
rel-participants = Teilgenommen an
rel-facilitator = Geleitet
rel-contacts = Genannt in
rel-depends-on = Benötigt von
rel-vendors = Liefert für
rel-services = Benötigt von
rel-runbooks = Geübt in
rel-audience = Adressiert von
rel-in = In
rel-body = Erwähnt in
rel-other = Verwiesen von
rel-exercise-owner = Verantwortlich für Feststellungen von Übungen
kinds-contact = Kontakten
kinds-team = Teams
kinds-call-tree = Alarmierungsketten
kinds-vendor = Dienstleistern
kinds-risk = Risiken
kinds-service = IT-Diensten
kinds-process = Prozessen
kinds-runbook = Ablaufplänen
kinds-template = Kommunikationsvorlagen
kinds-stakeholder = Interessengruppen
kinds-exercise = Übungen
kinds-card = Notfallkarten

## Suche
kind-page = Seite
kind-contact = Kontakt
kind-team = Team
kind-call-tree = Alarmierungskette
kind-vendor = Dienstleister
kind-risk = Risiko
kind-service = IT-Dienst
kind-process = Prozess
kind-runbook = Ablaufplan
kind-template = Vorlage
kind-stakeholder = Interessengruppe
kind-exercise = Übung
search-page-cards = Notfallkarten
search-page-print = Der ganze Plan, druckbar
search-page-risks = Risikoregister

## Druckordner
binder-title = Der ganze Plan
binder-plan-version = Planversion
binder-last-reviewed = Zuletzt geprüft
binder-next-review = Nächste Prüfung
binder-printed-from = Gedruckt aus dem Stand vom
binder-contents = Inhalt
binder-page-footer = Planversion { $version }
binder-page = Seite
binder-of = von
part-call-trees = Alarmierungsketten
part-services = IT-Dienste nach Kritikalität
part-log = Ereignisprotokoll (Papier)

## Skripte der Seiten
js-today = (heute)
js-in-days = { $n ->
    [one] (in { $n } Tag)
   *[other] (in { $n } Tagen)
}
js-days-ago = { $n ->
    [one] (vor { $n } Tag)
   *[other] (vor { $n } Tagen)
}
js-offline-copy = Offline-Kopie auf diesem Gerät: Version { $version }
js-offline-copy-built = Offline-Kopie auf diesem Gerät: Version { $version }, Stand { $built }
js-search-unavailable = Der Suchindex konnte nicht geladen werden.
js-search-loading = Suchindex wird geladen …
js-search-nothing = Keine Treffer für „{ $query }“.
js-minutes = { $n } Min.
js-hours-minutes = { $h } Std. { $m } Min.
js-runbook-started = Ablaufplan gestartet: { $title }
js-tick-each-step = Haken Sie jeden Schritt ab, sobald er erledigt ist.
js-tick-each-step-about = Haken Sie jeden Schritt ab, sobald er erledigt ist (etwa { $time }).
js-started-ago = Begonnen { $time }: vor { $took }
js-estimated = (geschätzt { $time })
js-steps-done = { $done } von { $total } Schritten erledigt.
js-step-done = Erledigt: { $step }
js-step = Schritt
js-log-title = Ereignisprotokoll: { $plan } (Planversion { $version })
js-sms-count = { $chars } Zeichen ({ $encoding }), { $n ->
    [one] { $n } SMS
   *[other] { $n } SMS-Teile
}
js-copied = Kopiert.
js-copy-by-hand = Text markieren und kopieren.

## Diagramme
heat-map-label = { $title }: { $n ->
    [one] { $n } Risiko nach Eintrittswahrscheinlichkeit und Auswirkung
   *[other] { $n } Risiken nach Eintrittswahrscheinlichkeit und Auswirkung
}
heat-axis-likelihood = Eintrittswahrscheinlichkeit →
heat-axis-impact = Auswirkung →
impact-axis-time = Zeit seit Beginn des Ausfalls →
card-alternate-for = { $alternate } für { $who }
qr-save-hotline = Notfallnummer speichern
sheet-cut = Entlang der Marken schneiden: Jede Karte misst 85,60 x 53,98 mm.
sheet-ruler = Dieses Lineal muss 50 mm messen

## Suche: weitere Wörter, die die Seiten der Website finden
search-words-title-start = Notfallnummer Schweregrad erste Schritte
search-words-title-recovery = Wiederherstellung Wellen Abhängigkeiten
search-words-title-log = Entscheidungen Maßnahmen Protokoll Zeitablauf
search-words-title-health = Hinweise Prüfungen
search-words-search-page-cards = Karte drucken QR
search-words-search-page-print = drucken Ordner PDF
search-words-search-page-risks = Risikomatrix Risiken
search-words-title-impact = BIA Prozesse Auswirkung Geschäftsauswirkungsanalyse
search-words-title-comms = Vorlagen Interessengruppen Meldungen
search-words-title-exercises = Tests Planspiel Übungsplan

## Die Standardskalen der Risiken (ein Plan ohne [risk_matrix])
risk-likelihood-1 = Selten
risk-likelihood-2 = Unwahrscheinlich
risk-likelihood-3 = Möglich
risk-likelihood-4 = Wahrscheinlich
risk-likelihood-5 = Fast sicher
risk-impact-1 = Minimal
risk-impact-2 = Gering
risk-impact-3 = Mittel
risk-impact-4 = Schwer
risk-impact-5 = Existenzbedrohend
risk-band-1 = Niedrig
risk-band-2 = Mittel
risk-band-3 = Hoch
risk-band-4 = Sehr hoch
qr-code = QR-Code

## Planprüfung: was jeder Hinweis bedeutet
code-rto-inversion = Ein IT-Dienst benötigt einen, der später wiederhergestellt wird
code-rpo-inversion = Ein IT-Dienst darf mehr Daten verlieren als einer, den er benötigt
code-process-rto = Ein Prozess benötigt einen IT-Dienst, der später wiederhergestellt wird
code-vendor-restore = Ein Dienstleister stellt langsamer wieder her, als der IT-Dienst es verlangt
code-no-runbook = Ein kritischer IT-Dienst hat keinen Ablaufplan
code-not-exercised = Ein Ablaufplan wurde länger nicht geübt
code-plan-review-overdue = Die Überprüfung des Plans ist überfällig
code-contract-ending = Ein Dienstleistervertrag endet bald
code-finding-overdue = Eine Feststellung aus einer Übung ist überfällig
code-no-phone = Ein Kontakt hat keine Telefonnummer
code-phone-format = Eine Telefonnummer scheint falsch
code-mtd-budget = Der Wiederanlauf dauert länger, als der Prozess ausfallen darf
code-contact-unverified = Die Angaben eines Kontakts wurden länger nicht bestätigt
code-unowned = Für einen Eintrag ist niemand verantwortlich
code-unreadable-file = Eine Datei konnte nicht gelesen werden
code-missing-asset = Ein Link zeigt auf eine fehlende Datei
code-unknown-template = Eine Vorlagenänderung ersetzt nichts
code-stray-file = Eine Datei gehört nicht zum Plan
code-incomplete-locale = Die Sprache der Oberfläche ist unvollständig

## Dauern
dur-2 = { $a } { $b }
dur-3 = { $a } { $b } { $c }
dur-w = { $n ->
    [one] { $n } Woche
   *[other] { $n } Wochen
}
dur-d = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
dur-h = { $n } h
dur-m = { $n } min

## Lenkung des Dokuments
title-document = Dokumentenlenkung
nav-document = Dokument
copy-stamp = Exemplar { $n } von { $total }, ausgegeben an { $holder }
copy-stamp-numbered = Exemplar { $n }, ausgegeben an { $holder }
uncontrolled-copy = Ausdruck unterliegt nicht der Änderungskontrolle: vor Gebrauch prüfen, ob es die aktuelle Version ist.
uncontrolled-copy-short = Ungelenktes Exemplar
binder-copy = Exemplar
approved-by = Freigegeben von
approved-on = Freigegeben am
not-approved = nicht freigegeben
classification = Einstufung
record-of-changes = Änderungshistorie
change-version = Version
change-date = Datum
change-by = Von
change-summary = Änderung
record-from-git = Aus der Git-Historie des Plans.
no-changes = Keine Änderungen erfasst.
distribution-list = Verteiler
copy-number = Exemplar
holder = Inhaber
form = Form
issued = Ausgegeben
no-distribution = Keine gelenkten Exemplare verzeichnet (distribution.toml).
form-print = Ausdruck
form-usb = USB-Stick
form-phone = Telefon
form-intranet = Intranet
form-email = E-Mail
search-words-title-document = Freigabe Änderungen Verteiler Exemplare Version

## Training and readiness
title-readiness = Einsatzbereitschaft
readiness-summary = { $current } von { $people } Personen mit einer Rolle sind auf dem aktuellen Stand.
readiness-intro-policy = Alle mit einer Rolle nehmen alle { $every } an einer Übung, Schulung oder Unterweisung teil (policy.train_every); Verantwortliche eines Ablaufplans an einer, die ihn behandelt. Die am längsten überfälligen zuerst.
readiness-intro = Bewertet gegen { $every } (der Plan setzt kein policy.train_every); für Verantwortliche eines Ablaufplans zählt nur eine Übung oder Schulung, die ihn behandelt. Die am längsten überfälligen zuerst.
readiness-nobody = Noch niemand hat eine Rolle im Plan.
readiness-link = wer für seine Rolle an einer Übung, Schulung oder Unterweisung teilgenommen hat und wer fällig ist.
state-current = aktuell
state-due = fällig binnen 30 Tagen
state-overdue = überfällig
state-never = nie
role-call-tree = Alarmierungskette
role-report-back = Rückmeldung
role-runbook-owner = Verantwortlich für Ablaufplan
role-team-lead = Teamleitung
role-alternate = Vertretung
exercise-kind-tabletop = Planspiel
exercise-kind-walkthrough = Begehung
exercise-kind-simulation = Simulation
exercise-kind-full-scale = Vollübung
exercise-kind-training = Schulung
exercise-kind-briefing = Unterweisung
exercise-status-planned = geplant
exercise-status-done = durchgeführt
exercise-status-cancelled = abgesagt
last-trained = Zuletzt geübt oder geschult
with-people = mit { $who }
dated = { $date }: { $what }
exercises-and-training = Übungen und Schulungen
search-words-title-readiness = Schulung Sensibilisierung Bereitschaft Rollen
code-untrained = Jemand mit einer Rolle wurde länger nicht geschult
code-unapproved-changes = Eine Änderung kam nach der Freigabe des Plans

## Private numbers of an encrypted build
unlock-label = Passphrase für private Nummern
unlock = Entsperren
lock = Private Nummern sperren
js-unlock-unsupported = Dieser Browser kann die privaten Nummern nicht öffnen (kein WebCrypto).
js-unlock-working = Wird entsperrt …
js-unlock-wrong = Falsche Passphrase: nichts wurde entsperrt.
js-locked = Gesperrt.
js-private-home = Privat
js-private-mobile = Privates Mobiltelefon
js-private-email = Private E-Mail
js-private-address = Privatanschrift
js-private-result = Private Nummer

## The format's fixed words: runbook kinds, exercise outcomes
runbook-kind-response = Sofortmaßnahmen
runbook-kind-recovery = Wiederanlauf
runbook-kind-workaround = Notbetrieb
runbook-kind-communication = Kommunikation
exercise-outcome-pass = bestanden
exercise-outcome-partial = teilweise
exercise-outcome-fail = nicht bestanden

## The format's fixed words: risk treatments, message channels, finding severities, recovery strategies
risk-treatment-accept = akzeptieren
risk-treatment-reduce = mindern
risk-treatment-transfer = übertragen
risk-treatment-avoid = vermeiden
channel-email = E-Mail
channel-sms = SMS
channel-phone-script = Telefonleitfaden
channel-web = Website
channel-press = Presse
finding-severity-low = gering
finding-severity-medium = mittel
finding-severity-high = hoch
strategy-backup-restore = Sicherung und Wiederherstellung
strategy-redundancy = Redundanz
strategy-failover = Umschaltung
strategy-manual-workaround = manueller Notbetrieb
strategy-rebuild = Neuaufbau
strategy-vendor-recovery = Wiederherstellung durch Dienstleister
