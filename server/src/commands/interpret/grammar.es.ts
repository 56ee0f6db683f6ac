/** Spanish clause grammar: one line per phrasing. See grammar.ts for the template language. */
import type { Rule } from './grammar'

export const ES_RULES: Rule[] = [
  // Canales
  ['createChannel', '[@pls] @newc canal de {pre} (?:para|sobre) [(?:el|la|los|las)] {name}'],
  ['createChannel', '[@pls] @newc canal [{pre}] @called {name}'],
  ['createChannel', '[@pls] @newc canal [{pre}] (?:para|sobre) [(?:el|la|los|las)] {name}'],
  ['createChannel', '[@pls] @newc canal [de] {name}'],
  ['archive', '[@pls] (?:archiva|archivar|cierra) [el_canal] {channel}'],
  ['link', '[@pls] (?:vincula|conecta|enlaza|relaciona) {a} (?:con|y) {b} como {relationship}'],
  ['link', '[@pls] (?:vincula|conecta|enlaza|relaciona) {a} (?:con|y|a) {b}', { relationship: 'colaborativo' }],
  ['link', '[@pls] haz_que {b} sea (?:hijo|un_subcanal|subcanal|canal_hijo) de {a}', { relationship: 'hijo' }],
  ['link', '[@pls] (?:pon|mueve) {b} (?:bajo|dentro_de) {a}', { relationship: 'hijo' }],
  ['link', '{a} compite con {b}', { relationship: 'competitivo' }],

  // Tareas
  ['createTasks', '[@pls] @newt {count} [nuevas] @tasks [{priority}] [en_{channel}] : {list}'],
  ['createTasks', '[@pls] @newt {count} [nuevas] @tasks [{priority}] {list}'],
  ['createTasks', '[@pls] @newt @tasks : {list}'],
  ['createTask', '[@pls] @newt @task [de] [{priority}] @called {rest}'],
  ['createTask', '[@pls] @newt @task [de] [{priority}] (?:para|de|que_sea) {rest}'],
  ['createTask', '[@pls] @newt @task [{priority}] {rest}'],
  ['updateTask', '[@pls] marca {task} como {status}'],
  ['updateTask', '[@pls] (?:márcala|marcala|márcalo|marcalo) como {status}', { task: 'ella' }],
  ['updateTask', '[@pls] (?:pon|cambia|mueve|pasa) [el_estado_de] {task} (?:a|como|en) {status}'],
  ['updateTask', '{task} (?:está|esta|ya_está|ya_esta) {status}'],
  ['updateTask', '[@pls] (?:empieza|comienza|inicia|arranca) [con] {task}', { status: 'en progreso' }],
  ['updateTask', '[@pls] (?:termina|completa|cierra|finaliza) {task}', { status: 'terminada' }],
  ['updateTask', '[@pls] cancela {task}', { status: 'cancelada' }],
  ['updateTask', '[@pls] reabre {task}', { status: 'pendiente' }],
  ['updateTask', '[@pls] (?:manda|envía|envia|pasa) {task} a revisión', { status: 'en revisión' }],
  ['updateTask', '[@pls] (?:pon|cambia|sube|baja|establece) la prioridad de {task} (?:a|en) {priority}'],
  ['updateTask', '[@pls] (?:pon|marca) {task} (?:como|con|en) {priority}'],
  ['updateTask', '[@pls] (?:haz_que|marca_que) {task} sea {priority}'],
  ['updateTask', '{task} es {priority}'],
  ['updateTask', '[@pls] (?:renombra|cambia_el_nombre_de|cambia_el_título_de|cambia_el_titulo_de) {task} (?:a|por|como) {title}'],
  ['updateTask', '[@pls] (?:cambia|pon|actualiza) la descripción de {task} (?:a|por|como) {description}'],
  ['deadline', '[@pls] (?:pon|cambia|mueve|fija|establece) la fecha_(?:límite|limite|de_entrega|de_vencimiento) de {task} (?:a|para|en|al) {date}'],
  ['deadline', '[@pls] (?:mueve|pasa|aplaza|pospón|pospon|adelanta|retrasa) {task} (?:a|para|hasta|al) {date}'],
  ['deadline', '{task} (?:vence|debe_estar_lista|debe_estar_listo|tiene_que_estar_lista|es_para) {date}'],

  // Dependencias: {a} va primero, {b} espera.
  ['depend', '[@pls] haz_que {a} bloquee [a] {b}', { type: 'blocks' }],
  ['depend', '{a} bloquea [a] {b}', { type: 'blocks' }],
  ['depend', '{b} (?:está|esta|están|estan) bloquead[oa]s? por {a}', { type: 'blocks' }],
  ['depend', '[@pls] haz_que {b} dependa de {a}', { type: 'blocks' }],
  ['depend', '{b} (?:depende|dependen|debe_depender) de {a}', { type: 'blocks' }],
  ['depend', '{b} no (?:puede|pueden|debe|deben) (?:empezar|comenzar|iniciar|arrancar) hasta_que {a} (?:esté|este|estén|esten) @done', { type: 'blocks' }],
  ['depend', '{b} no (?:puede|pueden|debe|deben) (?:empezar|comenzar|iniciar|arrancar) (?:antes_de|sin) {a}', { type: 'blocks' }],
  ['depend', '{b} (?:requiere|necesita|requieren|necesitan) [de] {a}', { type: 'requires' }],
  ['depend', '[@pls] haz {b} después_de {a}', { type: 'follows' }],
  ['depend', '[@pls] haz {b} despues_de {a}', { type: 'follows' }],
  ['depend', '{b} (?:va|viene|sigue|va_justo) (?:después|despues) de {a}', { type: 'follows' }],
  ['depend', '{b} sigue a {a}', { type: 'follows' }],
  ['depend', '[@pls] haz {a} antes_de {b}', { type: 'follows' }],
  ['depend', '{b} y {a} (?:pueden|deben|van_a) (?:ir|hacerse|ejecutarse|correr) en_paralelo', { type: 'parallel' }],

  // Personas
  ['assign', '[@pls] (?:@add|invita) {users} (?:a|al|a_la|en|en_el|en_la) {target}'],
  ['assign', '[@pls] @assign {x} a {y}', { either: 'yes' }],
  ['assign', '[@pls] (?:@add|invita|@assign) {users}'],
  ['unassign', '[@pls] @remove {users} (?:de|del|de_la) {target}'],
  ['unassign', '[@pls] (?:desasigna) {users}'],

  // Mensajes y archivos
  ['message', '[@pls] (?:envía|envia|manda|publica|escribe|deja) [un] (?:mensaje|aviso|nota) (?:a|al|en|en_el|para|para_el) {target} (?:diciendo_que|diciendo|que_diga_que|que_diga|que_dice_que|que_dice|con|:) {content}'],
  ['message', '[@pls] (?:envía|envia|manda|publica|escribe|deja) [un] (?:mensaje|aviso|nota) (?:diciendo_que|diciendo|que_diga_que|que_diga|que_dice|:) {content} (?:a|al|en|en_el) {target}'],
  ['message', '[@pls] (?:envía|envia|manda|publica|escribe|deja) [un] (?:mensaje|aviso|nota) (?:diciendo_que|diciendo|que_diga_que|que_diga|que_dice|:) {content}'],
  ['message', '[@pls] (?:di|dile|avisa|escribe) (?:en|a|al) {target} (?:que|:) {content}'],
  ['message', '[@pls] (?:publica|escribe|di) {content} (?:aquí|aqui|acá)', { target: 'aquí' }],
  ['message', '[@pls] (?:publica|escribe|di) {content} (?:en|al) {target}'],
  ['share', '[@pls] (?:sube|adjunta|subir|adjuntar) {resource} (?:a|al|en|en_el|a_la|para) {target}', { mode: 'upload' }],
  ['share', '[@pls] (?:comparte|compartir|añade|agrega) {resource} (?:a|al|en|en_el|con|con_el|a_la|para) {target}', { mode: 'share' }],
  ['share', '[@pls] (?:sube|adjunta) {resource}', { mode: 'upload' }],
  ['share', '[@pls] comparte {resource}', { mode: 'share' }],

  // Recordatorios
  ['remind', '[@pls] (?:recuérdame|recuerdame) {body}', { who: 'me' }],
  ['remind', '[@pls] (?:recuérdale|recuerdale|recuérdales|recuerdales|recuerda) a {who} (?:que|de|sobre) {body}'],
  ['remind', '[@pls] (?:pon|crea|programa) [un] recordatorio (?:para|de) {body}', { who: 'me' }],

  // Preguntas (solo lectura)
  ['query', '(?:qué|que) {q}'],
  ['query', '(?:muestra|muéstrame|muestrame|enséñame|ensename|lista|busca|dame|dime) [me] [(?:todas|todos)] {q}'],
  ['query', '(?:cuáles|cuales|cuántas|cuantas) {q}'],
  ['query', '(?:quién|quien|quiénes|quienes) {q}', { entity: 'users' }],
  ['query', '(?:hay) {q}'],
  ['query', '(?:en_qué|en_que) (?:está|esta) trabajando {q}', { working: 'yes' }],
]
