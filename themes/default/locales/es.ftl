# lifeboat: la interfaz en español. Términos de continuidad de negocio (ISO 22301,
# UNE-EN ISO 22301); véase docs/glossary.md: cadena de llamadas, procedimiento,
# orden de recuperación, análisis de impacto en el negocio (BIA), registro del incidente.

## Fechas
date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Todas las páginas
skip-to-content = Saltar al contenido
private-banner = Esta copia contiene datos personales privados (generada con --include-private). Guárdela en lugar seguro; no la comparta.
edition = versión { $version }, generada el { $built }
hotline = Línea de emergencia
search-placeholder = Buscar: nombres, números, procedimientos ( / )
search-label = Buscar en el plan
search-results = Resultados de la búsqueda
menu = Menú
banner-old-copy = Esta copia se generó el { $built } y supera el periodo de revisión del plan ({ $period }). Consiga una copia más reciente si puede, y confirme los números antes de confiar en ellos.
banner-review-due = Este plan debía revisarse el { $due }. Los datos pueden estar desactualizados: confirme los números antes de confiar en ellos.
banner-overdue = Este plan debía revisarse el { $due } (última revisión el { $last }). Los datos pueden estar desactualizados: confirme los números antes de confiar en ellos.
nav-sections = Secciones
nav-start = Inicio
nav-runbooks = Procedimientos
nav-contacts = Contactos
nav-recovery = Orden de recuperación
nav-services = Servicios
nav-vendors = Proveedores
nav-log = Registro del incidente
nav-comms = Comunicación
nav-impact = Impacto
nav-risks = Riesgos
nav-exercises = Ejercicios
nav-health = Estado del plan
nav-cards = Tarjetas
nav-print = Imprimir
footer-version = versión { $version }
footer-built = generada el { $built } con { $generator }
call-the-hotline = Llamar a { $label }: { $number }
call-the-hotline-default = Llamar a la línea de emergencia: { $number }
page-title = { $title } · { $organization }

## Títulos de las páginas (y partes del documento impreso)
title-start = Qué hacer ahora
title-services = Servicios
title-recovery = Orden de recuperación
title-impact = Análisis de impacto en el negocio (BIA)
title-risks = Riesgos
title-runbooks = Procedimientos
title-contacts = Contactos
title-vendors = Proveedores
title-comms = Comunicación
title-exercises = Ejercicios
title-health = Estado del plan
title-log = Registro del incidente
title-cards-a4 = Tarjetas de bolsillo (A4)
title-cards-letter = Tarjetas de bolsillo (US Letter)
title-call-tree = Cadena de llamadas: { $name }

## Palabras frecuentes
none-yet = Todavía no hay ninguno en el plan.
no-services = El plan no tiene servicios.
none-recorded = Ninguno registrado.
owner = Responsable
team = Equipo
phone = Teléfono
mobile = Móvil
number-phone = teléfono
number-mobile = móvil
number-team = equipo
email = Correo
location = Ubicación
services = Servicios
runbooks = Procedimientos
vendors = Proveedores
risks = Riesgos
service = Servicio
runbook = Procedimiento
tier = Criticidad
rto = RTO
rpo = RPO
mtpd = MTPD
wrt = WRT
kind = Tipo
status = Estado
outcome = Resultado
channel = Canal
audience = Destinatarios
severity = Gravedad
date-heading = Fecha
lead = Responsable del equipo
members = Miembros
never = nunca
yes = sí
no = no
about-duration = unos { $duration }
colon = :

## Página de inicio
hotline-call = 1. Llame a { $label }
hotline-call-default = 1. Llame a la línea de emergencia
if-busy = Si comunica:
hotline-email = { email }:
say-what = Diga qué ve, dónde y desde cuándo.
start-response = Iniciar la respuesta
start-response-numbered = 2. Iniciar la respuesta
about-duration-paren = (unos { $duration })
severity-levels = Niveles de gravedad
respond-within = Responder en { $time }
update-every = Informar cada { $time }
severity-call-tree = Cadena de llamadas: { $tree }
notify = Avisar a: { $who }
messages = Mensajes: { $which }
then = Después
then-decide = { $strong } con los niveles de arriba: indican con qué rapidez responder, a quién avisar y qué cadena de llamadas activar.
then-decide-strong = Decida la gravedad
then-start = { $strong } de esa gravedad e informe como indica.
then-start-strong = Active la cadena de llamadas
then-restore = Recupere según el { $order }
then-restore-rest = , con los { $runbooks } de cada servicio.
then-restore-order = orden de recuperación
then-restore-runbooks = procedimientos
then-note = { $strong } sobre la marcha en el { $log }.
then-note-strong = Anote las decisiones
then-note-log = registro del incidente
runbooks-by-scenario = Procedimientos por escenario
call-trees = Cadenas de llamadas
reports-back = Todos informan a { $who }.
call-tree-sheet-link = La cadena de llamadas en una hoja
call-tree-sheet-rest = : números, suplentes y qué hacer cuando alguien no contesta.
tier-1-services = Servicios de criticidad 1
plan-owner = Responsable del plan: { $who }.
last-reviewed-on = Última revisión el { $date }.
plan-health-warnings = Estado del plan: { $n ->
    [one] { $n } aviso
   *[other] { $n } avisos
}

## Servicios
services-intro = Por criticidad, los más críticos primero. Recupérelos según el { $order }.
tier-title = Criticidad { $tier }
tier-title-label = Criticidad { $tier }: { $label }
no-tier = Sin criticidad
recovery-label = Recuperación
recovery-wave = fase { $n }
needs-first = Necesita antes (dependencias)
needs-nothing = Nada: este servicio puede recuperarse el primero.
needed-by = Lo necesitan (dependientes)
needed-by-nothing = Ningún otro servicio depende de él.
account-of = cuenta { $account }
processes-need-it = Procesos de negocio que lo necesitan
strategies = Estrategias

## Orden de recuperación
recovery-intro = Recupere los servicios fase a fase: todo lo que un servicio necesita llega en una fase anterior. Dentro de una fase, los más críticos primero; los servicios de una misma fase pueden recuperarse en paralelo.
wave = Fase { $n }
needs = Necesita
cannot-order = No se pueden ordenar
cannot-order-text = Estos servicios están en un ciclo de dependencias o detrás de él: { $services }.

## Impacto en el negocio
impact-intro = Los procesos de negocio, cuánto tiempo puede detenerse cada uno y los servicios que necesita. El impacto máximo es la valoración más alta (0-5) que alcanza el proceso en su tabla de impacto.
process = Proceso
peak-impact = Impacto máximo
workaround = Alternativa mientras los servicios no están disponibles
services-it-needs = Servicios que necesita
impact-over-time = Impacto a lo largo del tiempo
impact-after = Tras
impact-financial = Económico
impact-operational = Operativo
impact-reputational = Reputacional
impact-legal = Legal
impact-safety = Seguridad de las personas
impact-ratings = Valoración: 0 ninguno a 5 grave.
impact-chart-label = Valoración del impacto de 0 a 5 a lo largo de una interrupción

## Riesgos
heat-map = Mapa de calor
inherent-caption = Inherente: antes de las medidas
residual-caption = Residual: después de las medidas
inherent-risk = Riesgo inherente
residual-risk = Riesgo residual
risk-legend = Puntuación = probabilidad × impacto.
register = Registro
register-intro = Mayor puntuación inherente primero.
risk = Riesgo
score = Puntuación
residual = Residual
treatment = Tratamiento
threat = Amenaza:
vulnerability = Vulnerabilidad:
mitigations = Medidas:
reviewed-on = Revisado el { $date }
likelihood-impact = P{ $likelihood } × I{ $impact }
heat-likelihood = Probabilidad
heat-impact = Impacto

## Procedimientos
by-scenario = Por escenario
every-runbook = Todos los procedimientos
takes = Duración
last-tested = Última prueba
takes-about = Lleva unos { $duration }.
owner-is = Responsable: { $who }.
clear-ticks = Borrar marcas
about-this-runbook = Sobre este procedimiento
scenarios = Escenarios
takes-about-label = Duración aproximada
reviewed = Revisado
exercised-in = Ejercitado en
on-this-page = En esta página
link-to-section = Enlace a esta sección
done = Hecho
alert-note = Nota
alert-tip = Consejo
alert-important = Importante
alert-warning = Atención
alert-caution = Precaución

## Contactos
people = Personas
name-and-number = Nombre y número
role = Cargo
teams = Equipos
team-and-number = Equipo y número
add-to-phone = Añadir al teléfono
vcard = (vCard)
vcard-private = (vCard, con datos privados)
if-unreachable = Si no está localizable
details-confirmed = Datos confirmados
private-details = Datos privados
home = Casa
personal-mobile = Móvil personal
personal-email = Correo personal
home-address = Domicilio
in-call-trees = En cadenas de llamadas
starts-it = la inicia.
called-by-who = le llama { $who }.
calls-in-order = Llama, por orden, a: { $who }.
reports-back-to = Informa a { $who }.

## Cadenas de llamadas
started-by = La inicia { $who }
for-severities = para { $levels }
people-count = { $n ->
    [one] { $n } persona.
   *[other] { $n } personas.
}
call-rule-1 = Llame por orden a las personas que figuran bajo su nombre.
call-rule-1-rest = Diga qué ha pasado, qué deben hacer y a quién informar.
call-rule-2 = ¿No contesta?
call-rule-2-rest = Deje un mensaje breve y llame a su suplente (indicado abajo). Si tampoco contesta, siga con su lista y llame a las personas a las que habría llamado.
call-rule-3 = Informe
call-rule-3-to = a { $who }
call-rule-3-rest = : a quién ha localizado y a quién no.
person = Persona
numbers = Números
calls-in-order-heading = Llama, por orden
if-no-answer = Si no contesta, llamar a
called-by = le llama { $who }
no-number = sin número
cards-of-tree = Cada persona de esta cadena tiene una tarjeta de bolsillo personal: { $a4 } (A4) o { $letter }.
print-the-cards = imprimir las tarjetas
on-us-letter = en US Letter

## Proveedores
vendor-and-line = Proveedor y línea de soporte
supplies = Suministra
account = Cuenta
contract-ends = Fin del contrato
support-line = Línea de soporte
our-account = Nuestra cuenta
support-email = Correo de soporte
support-site = Web de soporte
sla = SLA
restores-within = Recupera en
soon-or-past = (pronto o vencido)
has-dr-plan = Tiene plan de recuperación
last-assessed = Última evaluación
people-at = Personas en { $vendor }
services-it-supplies = Servicios que suministra

## Comunicación
templates = Plantillas
template = Plantilla
stakeholder-groups = Partes interesadas: a quién se informa, cómo y cuándo
group = Grupo
notify-within = Informar en
who-sends = Quién envía
notified-at = Se informa a partir de
fill-in = Completar
fill-in-intro = Escriba cada valor una vez: aparece en todos los lugares del mensaje. Nada sale de esta página.
copy-message = Copiar el mensaje
who-sends-to-group = Quién informa a este grupo
templates-for-group = Plantillas para este grupo

## Ejercicios
exercises-intro = Pruebas y ejercicios del plan, los más recientes primero.
exercise = Ejercicio
open-findings = Hallazgos abiertos
facilitator = Coordinador
participants = Participantes
findings = Hallazgos
finding = Hallazgo
calendar-name = { $plan }: ejercicios
calendar-field = { $label }: { $value }
calendar-finding-open = Hallazgo (abierto): { $title }
calendar-finding-done = Hallazgo (resuelto): { $title }
action = Acción
due = Vence
overdue = (vencido)

## Estado del plan
warnings-from-check = { $n ->
    [one] { $n } aviso
   *[other] { $n } avisos
} de { $check }:
warning = Aviso
about = Sobre
where = Dónde
no-warnings = Sin avisos: { $check } no ha encontrado nada que corregir.

## Tarjetas de bolsillo
cards-title = Tarjetas de bolsillo ({ $paper })
cards-intro = { $n ->
    [one] { $n } tarjeta
   *[other] { $n } tarjetas
}, { $per } por hoja, de 85,60 x 53,98 mm cada una (tamaño tarjeta CR80), anversos en una hoja y sus reversos en la siguiente. Imprima esta página al { $how }; compruebe la regla de 50 mm de la hoja y recorte por las marcas.
cards-how = 100 % (tamaño real), sin márgenes, a doble cara, volteo por el borde largo
cards-other = Las mismas tarjetas en { $paper }
paper-a4 = A4
paper-letter = US Letter
the-cards = Las tarjetas
sheet-fronts-label = Hoja { $n }, anversos
sheet-backs-label = Hoja { $n }, reversos
sheet-fronts = Hoja { $n }: anversos. Imprimir al 100 % (tamaño real), sin márgenes, a doble cara.
sheet-backs = Hoja { $n }: reversos. Imprimir en el dorso de la hoja { $front } (doble cara, volteo por el borde largo).
card-plan-version = Plan { $version }
card-scan = Escanear: { $what }
card-more-numbers = Más números
card-for = Para: { $who }
card-called-by = Le llama
card-you-start = Usted inicia esta cadena
card-you-call = Usted llama, por orden
card-you-call-more = Usted llama, continuación
card-report-back = Informe a
card-everyone-reports = Todos le informan a usted
card-when-called = Cuando le llamen: confirme que ha recibido el mensaje, haga lo que pide e informe.
card-when-called-to = Cuando le llamen: confirme que ha recibido el mensaje, haga lo que pide e informe a { $who }.
card-no-answer-alternate = ¿No contesta? Llame a su suplente
card-alternates-more = Suplentes, continuación
card-no-answer = ¿No contesta?
card-no-answer-text = Deje un mensaje, siga con su lista y diga quién no contestó al informar.
qr-plan-site = Web del plan
qr-web-address = Dirección web
qr-support = Soporte

## Registro del incidente
log-intro = Anote cada decisión y acción en el momento, con su hora: el registro que piden los auditores y la revisión posterior al incidente.
log-what = Qué se decidió o se hizo
log-by-optional = Por (opcional)
log-add = Añadir al registro
log-one-tap = Con un toque
log-incident-declared = Incidente declarado
log-severity-set = Gravedad fijada: { $level }
log-severity = Gravedad: { $level }
log-tree-started = Cadena de llamadas activada: { $tree }
log-update-sent-entry = Informe enviado a las partes interesadas
log-update-sent = Informe enviado
log-service-restored = Servicio recuperado
log-all-clear-entry = Fin de la alerta comunicado
log-all-clear = Fin de la alerta
log-runbook-started = Procedimiento iniciado
log-entries = Entradas
log-nothing-yet = Todavía no hay nada anotado.
log-copy-text = Copiar como texto
log-copy-markdown = Copiar como Markdown
log-download = Descargar (Markdown)
log-new = Empezar un registro nuevo
log-out = El registro, para pegar en el ticket
log-kept-here = Se guarda solo en este navegador, en este dispositivo; no se envía nada.
log-on-paper = En papel
log-paper-intro = Sin el script de esta página (o al imprimir), use esta tabla.
log-time = Hora
log-decision = Decisión o acción
log-by = Por

## Referencias en la página de un elemento
related = { $how } { $kinds }
rel-qr = En el código QR de
rel-owner = Responsable de
rel-lead = Dirige
rel-members = Miembro de
rel-team = Equipo de
rel-alternates = Suplente en
rel-participants = Participó en
rel-facilitator = Coordinó
rel-contacts = Figura en
rel-depends-on = Lo necesitan
rel-vendors = Proveedor de
rel-services = Lo necesitan
rel-runbooks = Ejercitado en
rel-audience = Destinatario de
rel-in = En
rel-body = Mencionado en
rel-other = Citado por
rel-exercise-owner = Responsable de hallazgos de ejercicios
kinds-contact = contactos
kinds-team = equipos
kinds-call-tree = cadenas de llamadas
kinds-vendor = proveedores
kinds-risk = riesgos
kinds-service = servicios
kinds-process = procesos
kinds-runbook = procedimientos
kinds-template = plantillas de comunicación
kinds-stakeholder = grupos de partes interesadas
kinds-exercise = ejercicios
kinds-card = tarjetas de bolsillo

## Búsqueda
kind-page = Página
kind-contact = Contacto
kind-team = Equipo
kind-call-tree = Cadena de llamadas
kind-vendor = Proveedor
kind-risk = Riesgo
kind-service = Servicio
kind-process = Proceso
kind-runbook = Procedimiento
kind-template = Plantilla
kind-stakeholder = Partes interesadas
kind-exercise = Ejercicio
search-page-cards = Tarjetas de bolsillo
search-page-print = El plan completo, para imprimir
search-page-risks = Registro de riesgos

## Documento impreso
binder-title = El plan completo
binder-plan-version = Versión del plan
binder-last-reviewed = Última revisión
binder-next-review = Próxima revisión
binder-printed-from = Impreso de la versión generada el
binder-contents = Índice
binder-page-footer = Versión del plan { $version }
binder-page = Página
binder-of = de
part-call-trees = Cadenas de llamadas
part-services = Servicios por criticidad
part-log = Registro del incidente (papel)

## Scripts de las páginas
js-today = (hoy)
js-in-days = { $n ->
    [one] (dentro de { $n } día)
   *[other] (dentro de { $n } días)
}
js-days-ago = { $n ->
    [one] (hace { $n } día)
   *[other] (hace { $n } días)
}
js-offline-copy = Copia sin conexión guardada en este dispositivo: versión { $version }
js-offline-copy-built = Copia sin conexión guardada en este dispositivo: versión { $version }, generada el { $built }
js-search-unavailable = No se pudo cargar el índice de búsqueda.
js-search-loading = Cargando el índice de búsqueda…
js-search-nothing = No se ha encontrado nada para «{ $query }».
js-minutes = { $n } min
js-hours-minutes = { $h } h { $m } min
js-runbook-started = Procedimiento iniciado: { $title }
js-tick-each-step = Marque cada paso al hacerlo.
js-tick-each-step-about = Marque cada paso al hacerlo (unos { $time }).
js-started-ago = Iniciado a las { $time }: hace { $took }
js-estimated = (estimado { $time })
js-steps-done = { $done } de { $total } pasos hechos.
js-step-done = Hecho: { $step }
js-step = paso
js-log-title = Registro del incidente: { $plan } (versión del plan { $version })
js-sms-count = { $chars } caracteres ({ $encoding }), { $n ->
    [one] { $n } SMS
   *[other] { $n } segmentos SMS
}
js-copied = Copiado.
js-copy-by-hand = Seleccione el texto y cópielo.

## Gráficos
heat-map-label = { $title }: { $n ->
    [one] { $n } riesgo por probabilidad e impacto
   *[other] { $n } riesgos por probabilidad e impacto
}
heat-axis-likelihood = Probabilidad →
heat-axis-impact = Impacto →
impact-axis-time = Tiempo desde el inicio de la interrupción →
card-alternate-for = { $alternate } en lugar de { $who }
qr-save-hotline = guardar la línea de emergencia
sheet-cut = Recortar por las marcas: cada tarjeta mide 85,60 x 53,98 mm.
sheet-ruler = Esta regla debe medir 50 mm

## Búsqueda: otras palabras que encuentran las páginas del sitio
search-words-title-start = emergencia gravedad primeros pasos
search-words-title-recovery = recuperar fases dependencias
search-words-title-log = decisiones acciones cronología
search-words-title-health = avisos comprobaciones
search-words-search-page-cards = imprimir tarjeta QR
search-words-search-page-print = imprimir documento PDF
search-words-search-page-risks = mapa de calor riesgos
search-words-title-impact = BIA procesos impacto
search-words-title-comms = plantillas partes interesadas mensajes
search-words-title-exercises = pruebas simulacro calendario

## Las escalas de riesgo por defecto (un plan sin [risk_matrix])
risk-likelihood-1 = Rara
risk-likelihood-2 = Improbable
risk-likelihood-3 = Posible
risk-likelihood-4 = Probable
risk-likelihood-5 = Casi segura
risk-impact-1 = Mínimo
risk-impact-2 = Menor
risk-impact-3 = Moderado
risk-impact-4 = Mayor
risk-impact-5 = Grave
risk-band-1 = Bajo
risk-band-2 = Medio
risk-band-3 = Alto
risk-band-4 = Extremo
qr-code = Código QR

## Estado del plan: qué significa cada código
code-rto-inversion = Un servicio depende de otro que se recupera después
code-rpo-inversion = Un servicio puede perder más datos que otro del que depende
code-process-rto = Un proceso depende de un servicio que se recupera después
code-vendor-restore = Un proveedor recupera más despacio de lo que el servicio necesita
code-no-runbook = Un servicio crítico no tiene procedimiento
code-not-exercised = Un procedimiento no se ha ejercitado recientemente
code-plan-review-overdue = La revisión del plan está vencida
code-contract-ending = Un contrato de proveedor vence pronto
code-finding-overdue = Un hallazgo de ejercicio está vencido
code-no-phone = Un contacto no tiene teléfono
code-phone-format = Un número de teléfono parece erróneo
code-mtd-budget = La recuperación dura más de lo que el proceso puede detenerse
code-contact-unverified = Los datos de un contacto no se han confirmado recientemente
code-unowned = Un elemento no tiene responsable
code-unreadable-file = No se pudo leer un archivo
code-missing-asset = Un enlace apunta a un archivo que falta
code-unknown-template = Una plantilla sustituida no sustituye nada
code-stray-file = Un archivo no es contenido del plan
code-incomplete-locale = El idioma de la interfaz está incompleto

## Duraciones
dur-2 = { $a } { $b }
dur-3 = { $a } { $b } { $c }
dur-w = { $n ->
    [one] { $n } semana
   *[other] { $n } semanas
}
dur-d = { $n } d
dur-h = { $n } h
dur-m = { $n } min

## Control de la documentación
title-document = Control de la documentación
nav-document = Documento
copy-stamp = Copia { $n } de { $total }, en poder de { $holder }
copy-stamp-numbered = Copia { $n }, en poder de { $holder }
uncontrolled-copy = Copia no controlada una vez impresa: compruebe que es la versión vigente antes de confiar en ella.
uncontrolled-copy-short = Copia no controlada
binder-copy = Copia
approved-by = Aprobado por
approved-on = Aprobado el
not-approved = sin aprobar
classification = Clasificación
record-of-changes = Registro de cambios
change-version = Versión
change-date = Fecha
change-by = Por
change-summary = Cambio
record-from-git = Según el historial git del plan.
no-changes = No hay cambios registrados.
distribution-list = Lista de distribución
copy-number = Copia
holder = Titular
form = Formato
issued = Entregada
no-distribution = No hay copias controladas en la lista (distribution.toml).
form-print = impresa
form-usb = memoria USB
form-phone = teléfono
form-intranet = intranet
form-email = correo
search-words-title-document = aprobación cambios distribución copias versión

## Training and readiness
title-readiness = Quién está preparado
readiness-summary = { $current } de { $people } personas con un rol están al día.
readiness-intro-policy = Cada persona con un rol participa en un ejercicio, formación o sesión informativa cada { $every } (policy.train_every); el responsable de un procedimiento, en uno que lo cubra. Los más vencidos primero.
readiness-intro = Valorado frente a { $every } (el plan no fija policy.train_every); para el responsable de un procedimiento solo cuenta un ejercicio o formación que lo cubra. Los más vencidos primero.
readiness-nobody = Todavía nadie tiene un rol en el plan.
readiness-link = quién ha participado en un ejercicio, formación o sesión informativa para su rol, y a quién le toca.
state-current = al día
state-due = vence en 30 días
state-overdue = vencido
state-never = nunca
role-call-tree = Cadena de llamadas
role-report-back = Recibe informes
role-runbook-owner = Responsable de procedimiento
role-team-lead = Responsable de equipo
role-alternate = Suplente
exercise-kind-tabletop = ejercicio de mesa
exercise-kind-walkthrough = recorrido
exercise-kind-simulation = simulación
exercise-kind-full-scale = simulacro completo
exercise-kind-training = formación
exercise-kind-briefing = sesión informativa
exercise-status-planned = previsto
exercise-status-done = realizado
exercise-status-cancelled = cancelado
last-trained = Último ejercicio o formación
with-people = con { $who }
dated = { $date }: { $what }
exercises-and-training = Ejercicios y formación
search-words-title-readiness = formación concienciación preparación roles
code-untrained = Alguien con un rol no se ha formado recientemente
code-unapproved-changes = Un cambio se hizo después de la aprobación del plan

## Private numbers of an encrypted build
unlock-label = Frase de paso de los números privados
unlock = Desbloquear
lock = Bloquear los números privados
js-unlock-unsupported = Este navegador no puede abrir los números privados (sin WebCrypto).
js-unlock-working = Desbloqueando…
js-unlock-wrong = Frase de paso incorrecta: no se ha desbloqueado nada.
js-locked = Bloqueado.
js-private-home = Casa
js-private-mobile = Móvil personal
js-private-email = Correo personal
js-private-address = Domicilio
js-private-result = Número privado

## The format's fixed words: runbook kinds, exercise outcomes
runbook-kind-response = respuesta
runbook-kind-recovery = recuperación
runbook-kind-workaround = alternativa
runbook-kind-communication = comunicación
exercise-outcome-pass = superado
exercise-outcome-partial = parcial
exercise-outcome-fail = no superado

## The format's fixed words: risk treatments, message channels, finding severities, recovery strategies
risk-treatment-accept = aceptar
risk-treatment-reduce = reducir
risk-treatment-transfer = transferir
risk-treatment-avoid = evitar
channel-email = correo electrónico
channel-sms = SMS
channel-phone-script = guion telefónico
channel-web = web
channel-press = prensa
finding-severity-low = baja
finding-severity-medium = media
finding-severity-high = alta
strategy-backup-restore = copia y restauración
strategy-redundancy = redundancia
strategy-failover = conmutación
strategy-manual-workaround = alternativa manual
strategy-rebuild = reconstrucción
strategy-vendor-recovery = recuperación por el proveedor
