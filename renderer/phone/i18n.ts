/**
 * The phone app's words, German and English, and picking the phone's language. Every text the
 * phone shows comes from these two dictionaries. docs/ARCHITECTURE.md, "Phones in the room".
 */
import type { BlockKind, CardKind, Department, LaneKind } from '../../core/model';
import type { ByeReason, WireRefusal } from '../../core/room-protocol';
import type { JoinCodeProblem } from '../../core/room-join';
import type { DeliveryStatus } from './outbox';
import type { Connection, JoinProblem } from './state';

const en = {
  appTitle: 'Nahtstelle',
  languageLabel: 'Language',
  language_de: 'Deutsch',
  language_en: 'English',
  connection_idle: 'Not connected',
  connection_connecting: 'Connecting …',
  connection_connected: 'Connected',
  connection_reconnecting: 'Connection lost – reconnecting …',
  connection_offline: 'Offline – reconnects when the network is back',
  joinHeading: 'Join the workshop',
  codeLabel: 'Code from the screen',
  codeHint: 'The 6 characters shown on the projector.',
  code_empty: 'Please type the code.',
  code_tooShort: 'The code has 6 characters.',
  code_tooLong: 'The code has only 6 characters.',
  code_notInAlphabet: '“{character}” is in no code.',
  code_ok: 'Code complete.',
  nameLabel: 'Your name (optional)',
  sideQuestion: 'Join as',
  side_marketing: 'Marketing',
  side_sales: 'Sales',
  side_other: 'Other',
  problem_wrongCode: 'This code or link opens no room. Please check the code on the screen.',
  problem_expired: 'The room no longer knows this phone (it was started anew). Please join again.',
  problem_joiningClosed: 'The facilitator has closed joining.',
  problem_full: 'The room is full.',
  problem_tooManyAttempts: 'Too many wrong codes. Please wait a minute.',
  joining: 'Joining the room …',
  out_removed: 'The facilitator removed this phone from the room.',
  out_ended: 'The workshop room has ended. Thank you!',
  out_replaced: 'The room is open in another tab on this phone.',
  joinAgain: 'Join again',
  useHere: 'Continue here',
  sections: 'Sections',
  tab_board: 'Board',
  tab_write: 'Write',
  tab_dots: 'Dots',
  waitingForBoard: 'Waiting for the board …',
  missionHeading: 'Mission',
  noMission: 'No mission written yet.',
  nowBlock: 'Now: {block}',
  notStarted: 'The workshop has not started yet.',
  lane_marketing: 'Marketing',
  lane_seam: 'Seam',
  lane_sales: 'Sales',
  lane_extra: 'Extra lane',
  block_lead: 'Who leads?',
  block_caricatures: 'Clear up caricatures',
  block_mission: 'Agree the mission',
  block_metrics: 'Measure and narrate',
  block_custom: 'Block',
  kind_topic: 'Topic',
  kind_caricature: 'Caricature',
  kind_metric: 'Metric',
  emptyLane: 'No cards yet',
  dots_one: '{n} dot',
  dots_other: '{n} dots',
  topicHeading: 'Suggest a topic',
  topicLabel: 'Topic',
  topicHint: 'The facilitator sees it first and places it on the board.',
  caricatureHeading: 'Caricature of the other side',
  caricatureLabel: 'Caricature',
  caricatureHint: 'How does your side see {other}? Until the reveal, only you see what you wrote.',
  caricatureOnlySides: 'Caricatures are written by Marketing and Sales; you can still suggest topics.',
  send: 'Send',
  paused: 'The facilitator has paused the phones. Your text stays here.',
  mineHeading: 'Your caricatures, hidden until the reveal',
  edit: 'Change',
  editLabel: 'Change “{title}”',
  editField: 'New wording',
  save: 'Save',
  cancel: 'Cancel',
  withdraw: 'Withdraw',
  withdrawLabel: 'Withdraw “{title}”',
  withdrawConfirm: 'Really withdraw',
  sentHeading: 'Sent from this phone',
  status_waiting: 'Not sent yet – waits for the connection',
  status_sent: 'Sent …',
  status_received: 'Received ✓',
  status_refused: 'Not accepted: {reason}',
  status_undelivered: 'Not delivered: the room ended',
  useAgain: 'Back into the field',
  command_addTopic: 'Topic',
  command_addCaricature: 'Caricature',
  command_editCaricature: 'Change',
  command_withdrawCaricature: 'Withdrawn',
  command_vote: 'Dot',
  refusal_paused: 'the facilitator has paused the phones.',
  refusal_emptyTitle: 'the text is empty.',
  refusal_inboxFull: 'the facilitator’s inbox is full – please wait a moment.',
  refusal_notInCaricatureBlock: 'caricatures are written only in the caricatures block.',
  refusal_noSideToDraw: 'only Marketing and Sales write caricatures.',
  refusal_noLaneForSide: 'the board has no lane for your side.',
  refusal_notYours: 'this card is not yours.',
  refusal_alreadyRevealed: 'the caricatures are already revealed.',
  refusal_votingClosed: 'voting is closed.',
  refusal_notVotable: 'this card takes no dots.',
  refusal_noDotsLeft: 'you have no dots left.',
  refusal_noneOnCard: 'you have no dot on this card.',
  refusal_rateLimited: 'too fast – please wait two seconds and send again.',
  refusal_invalid: 'the room could not read it.',
  refusal_failed: 'the facilitator’s app could not take it – please send again.',
  dotsHeading: 'Place your dots',
  dotsLeft_one: '{n} dot left',
  dotsLeft_other: '{n} dots left',
  yourDots: 'Yours: {n}',
  addDot: 'One more dot on “{title}”',
  removeDot: 'One dot less on “{title}”',
  minus: '−',
  plus: '+',
  votingNotOpen: 'Voting by phone is not open right now.',
  noTopics: 'No topics to vote on yet.',
  dotRefused: 'Dot not placed: {reason}',
  characters: '{n} of {max} characters',
} as const;

export type TextKey = keyof typeof en;
export type Dictionary = Readonly<Record<TextKey, string>>;

const de: Dictionary = {
  appTitle: 'Nahtstelle',
  languageLabel: 'Sprache',
  language_de: 'Deutsch',
  language_en: 'English',
  connection_idle: 'Nicht verbunden',
  connection_connecting: 'Verbindet …',
  connection_connected: 'Verbunden',
  connection_reconnecting: 'Verbindung weg – verbindet neu …',
  connection_offline: 'Offline – verbindet neu, sobald das Netz wieder da ist',
  joinHeading: 'Beim Workshop mitmachen',
  codeLabel: 'Code von der Leinwand',
  codeHint: 'Die 6 Zeichen, die der Beamer zeigt.',
  code_empty: 'Bitte den Code eingeben.',
  code_tooShort: 'Der Code hat 6 Zeichen.',
  code_tooLong: 'Der Code hat nur 6 Zeichen.',
  code_notInAlphabet: '„{character}“ kommt in keinem Code vor.',
  code_ok: 'Code vollständig.',
  nameLabel: 'Ihr Name (freiwillig)',
  sideQuestion: 'Mitmachen als',
  side_marketing: 'Marketing',
  side_sales: 'Sales',
  side_other: 'Andere',
  problem_wrongCode: 'Dieser Code oder Link öffnet keinen Raum. Bitte den Code auf der Leinwand prüfen.',
  problem_expired: 'Der Raum kennt dieses Handy nicht mehr (er wurde neu gestartet). Bitte neu beitreten.',
  problem_joiningClosed: 'Die Moderation hat den Beitritt geschlossen.',
  problem_full: 'Der Raum ist voll.',
  problem_tooManyAttempts: 'Zu viele falsche Codes. Bitte eine Minute warten.',
  joining: 'Tritt dem Raum bei …',
  out_removed: 'Die Moderation hat dieses Handy aus dem Raum genommen.',
  out_ended: 'Der Workshop-Raum ist beendet. Danke fürs Mitmachen!',
  out_replaced: 'Der Raum ist auf diesem Handy in einem anderen Tab offen.',
  joinAgain: 'Neu beitreten',
  useHere: 'Hier weitermachen',
  sections: 'Bereiche',
  tab_board: 'Board',
  tab_write: 'Schreiben',
  tab_dots: 'Punkte',
  waitingForBoard: 'Warte auf das Board …',
  missionHeading: 'Auftrag',
  noMission: 'Noch kein Auftrag formuliert.',
  nowBlock: 'Jetzt: {block}',
  notStarted: 'Der Workshop hat noch nicht begonnen.',
  lane_marketing: 'Marketing',
  lane_seam: 'Nahtstelle',
  lane_sales: 'Sales',
  lane_extra: 'Zusatzspalte',
  block_lead: 'Führung klären',
  block_caricatures: 'Zerrbilder ausräumen',
  block_mission: 'Auftrag klären',
  block_metrics: 'Messen und Erzählen',
  block_custom: 'Block',
  kind_topic: 'Thema',
  kind_caricature: 'Zerrbild',
  kind_metric: 'Kennzahl',
  emptyLane: 'Noch keine Karten',
  dots_one: '{n} Punkt',
  dots_other: '{n} Punkte',
  topicHeading: 'Thema vorschlagen',
  topicLabel: 'Thema',
  topicHint: 'Die Moderation sieht es zuerst und setzt es aufs Board.',
  caricatureHeading: 'Zerrbild der anderen Seite',
  caricatureLabel: 'Zerrbild',
  caricatureHint: 'Wie sieht Ihre Seite {other}? Bis zum Aufdecken sehen nur Sie, was Sie geschrieben haben.',
  caricatureOnlySides: 'Zerrbilder schreiben Marketing und Sales; Themen können Sie trotzdem vorschlagen.',
  send: 'Senden',
  paused: 'Die Moderation hat die Handys pausiert. Ihr Text bleibt hier stehen.',
  mineHeading: 'Ihre Zerrbilder, verdeckt bis zum Aufdecken',
  edit: 'Ändern',
  editLabel: '„{title}“ ändern',
  editField: 'Neuer Wortlaut',
  save: 'Speichern',
  cancel: 'Abbrechen',
  withdraw: 'Zurückziehen',
  withdrawLabel: '„{title}“ zurückziehen',
  withdrawConfirm: 'Wirklich zurückziehen',
  sentHeading: 'Von diesem Handy gesendet',
  status_waiting: 'Noch nicht gesendet – wartet auf die Verbindung',
  status_sent: 'Gesendet …',
  status_received: 'Angekommen ✓',
  status_refused: 'Nicht angenommen: {reason}',
  status_undelivered: 'Nicht angekommen: der Raum ist beendet',
  useAgain: 'Zurück ins Feld',
  command_addTopic: 'Thema',
  command_addCaricature: 'Zerrbild',
  command_editCaricature: 'Änderung',
  command_withdrawCaricature: 'Zurückgezogen',
  command_vote: 'Punkt',
  refusal_paused: 'die Moderation hat die Handys pausiert.',
  refusal_emptyTitle: 'der Text ist leer.',
  refusal_inboxFull: 'der Eingang der Moderation ist voll – bitte kurz warten.',
  refusal_notInCaricatureBlock: 'Zerrbilder gibt es nur im Block „Zerrbilder ausräumen“.',
  refusal_noSideToDraw: 'Zerrbilder schreiben nur Marketing und Sales.',
  refusal_noLaneForSide: 'das Board hat keine Spalte für Ihre Seite.',
  refusal_notYours: 'diese Karte ist nicht Ihre.',
  refusal_alreadyRevealed: 'die Zerrbilder sind schon aufgedeckt.',
  refusal_votingClosed: 'die Abstimmung ist geschlossen.',
  refusal_notVotable: 'diese Karte bekommt keine Punkte.',
  refusal_noDotsLeft: 'Sie haben keine Punkte mehr.',
  refusal_noneOnCard: 'Sie haben auf dieser Karte keinen Punkt.',
  refusal_rateLimited: 'zu schnell – bitte zwei Sekunden warten und erneut senden.',
  refusal_invalid: 'der Raum konnte es nicht lesen.',
  refusal_failed: 'die App der Moderation konnte es nicht annehmen – bitte erneut senden.',
  dotsHeading: 'Punkte vergeben',
  dotsLeft_one: 'Noch {n} Punkt',
  dotsLeft_other: 'Noch {n} Punkte',
  yourDots: 'Ihre: {n}',
  addDot: 'Ein Punkt mehr auf „{title}“',
  removeDot: 'Ein Punkt weniger auf „{title}“',
  minus: '−',
  plus: '+',
  votingNotOpen: 'Gerade ist keine Abstimmung per Handy offen.',
  noTopics: 'Noch keine Themen zum Abstimmen.',
  dotRefused: 'Punkt nicht vergeben: {reason}',
  characters: '{n} von {max} Zeichen',
};

export const dictionaries: Readonly<Record<Language, Dictionary>> = { de, en };
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** The stored choice first, then the phone's languages in order; English when none is German or English. */
export function pickLanguage(stored: string | undefined, preferred: readonly string[]): Language {
  const known = (tag: string | undefined): Language | undefined => languages.find((language) => tag?.toLowerCase().split('-')[0] === language);
  return known(stored) ?? preferred.map(known).find((language) => language !== undefined) ?? 'en';
}

export type Translate = (key: TextKey, values?: Readonly<Record<string, string | number>>) => string;

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, values = {}) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The `_one`/`_other` form of a counted text in the language's plural rules. */
export function plural(t: Translate, language: Language, key: 'dots' | 'dotsLeft', n: number): string {
  const form = new Intl.PluralRules(language).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, { n });
}

// Every value of these unions has its text: a new refusal, bye reason or kind fails to compile until it is translated.
type Missing = Exclude<
  | `refusal_${WireRefusal}`
  | `problem_${JoinProblem}`
  | `out_${Extract<ByeReason, 'removed' | 'ended'> | 'replaced'}`
  | `side_${Department}`
  | `lane_${LaneKind}`
  | `block_${BlockKind}`
  | `kind_${CardKind}`
  | `status_${DeliveryStatus}`
  | `connection_${Connection}`
  | `code_${JoinCodeProblem | 'ok'}`
  | `language_${Language}`,
  TextKey
>;
export const everyCaseTranslated: [Missing] extends [never] ? true : never = true;
