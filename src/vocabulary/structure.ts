/**
 * The words of the field, as data: section headings, labels, kind prefixes, case-number labels and UI
 * residue seen across the layout families of Danish published minutes. The segmenter reads these
 * tables; a new publisher's wording is added here, not as a branch in code.
 */
import type { ItemKind, SectionType } from '../../schemas/referat.js';

/** A heading rule: `pattern` is tested against the whole trimmed line (or its label part). */
export interface HeadingRule {
  type: SectionType;
  pattern: RegExp;
  /** 'sub' headings (Økonomi, Proces ...) stay inside a running sagsfremstilling; see sections.ts. */
  role?: 'main' | 'sub' | 'lead-in';
  /** The pattern matches the heading at the start of the line; text after it is the section's first words
   * (PDF text puts "…s beslutning den 04.12.2012 Punkt 2 Indstillingen godkendt" on one line). */
  prefix?: boolean;
  /** Only a heading after the item's decision ("Afbud:" under the decision lists the item's absent; above it, the meeting's attendance). */
  afterDecision?: boolean;
}

const ORGAN = String.raw`[A-ZÆØÅ][^\n]{0,140}?`;
const ITEM_REF = String.raw`(\s*,?\s*(punkt|pkt\.?)\s*\d+)?`;
const DATE_ANY = String.raw`(?:\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}|\d{1,2}\.?\s*[a-zæøå]+\.?,?\s*\d{4}|\d{4}-\d{2}-\d{2})`;

/** This meeting's decision heading, without an organ or a date: it also ends a history block. */
export const BARE_DECISION_HEADING = /^(beslutning(er)?|beslutningsprotokol|afgørelse|politisk behandling|udvalgets beslutning|referat|protokol|protokollat)\s*:?$/i;

/** Section headings as whole lines. Order matters: the first match wins. */
export const SECTION_HEADINGS: HeadingRule[] = [
  // Decision headings (beslutning), including the many "decided by <organ> on <date>" forms.
  { type: 'beslutning', pattern: BARE_DECISION_HEADING },
  { type: 'beslutning', prefix: true, pattern: new RegExp(String.raw`^beslutning\s+(i|på|fra|af)?\s*${ORGAN}(den|d\.)?\s*${DATE_ANY}${ITEM_REF}\s*:?`, 'i') },
  { type: 'beslutning', pattern: new RegExp(String.raw`^beslutning\s+(i|på)\s+${ORGAN}\s*:?$`, 'i') },
  { type: 'beslutning', prefix: true, pattern: new RegExp(String.raw`^${ORGAN}s\s+beslutning(\s+i\s+mødet)?\s+(den|d\.)\s*${DATE_ANY}${ITEM_REF}\s*:?`, 'i') },
  // PolWeb: "Integrationsudvalgets møde den 12. december 2011:" over the record of that meeting.
  { type: 'beslutning', pattern: new RegExp(String.raw`^${ORGAN}s\s+møde\s+(den|d\.)\s*${DATE_ANY}${ITEM_REF}\s*:$`, 'i') },
  { type: 'beslutning', prefix: true, pattern: new RegExp(String.raw`^behandling\s+i\s+${ORGAN},?\s*pkt\.?\s*\d+\s*:?`, 'i') },
  { type: 'beslutning', prefix: true, pattern: new RegExp(String.raw`^${ORGAN},\s*${DATE_ANY},\s*pkt\.?\s*\d+\s*:?`, 'i') },
  // Resume and its synonyms.
  { type: 'resume', pattern: /^(sags)?(resume|resumé|résumé)\s*:?$/i },
  { type: 'resume', pattern: /^(sammendrag|sagens kerne|beslutningstema|kort resume|kort fortalt|hvad sagen handler om)\s*:?$/i },
  // Case text.
  { type: 'sagsfremstilling', pattern: /^(supplerende\s+)?sagsfremstilling(\s+og\s+økonomi)?\s*:?$/i },
  { type: 'sagsfremstilling', pattern: /^(beskrivelse af sagen|sagsbeskrivelse|redegørelse|baggrund|baggrund og formål|sagens indhold|sagens baggrund|beskrivelse)\s*:?$/i },
  // Recommendation.
  { type: 'indstilling', pattern: /^((administrativ|forvaltningens|direktionens|administrationens)\s+)?indstilling(er)?\s*:?$/i },
  { type: 'indstilling', pattern: /^indstilling\s+og\s+beslutning\s*:?$/i },
  // "Forslag" is the recommendation heading of some regions ("Resume", "Sagsfremstilling", "Forslag", "Beslutning").
  { type: 'indstilling', pattern: /^((administrationens|direktionens|forvaltningens|formandens|formandskabets)\s+)?(forslag(\s+til\s+(beslutning|indstilling))?|indstilling\s*\/\s*forslag)\s*:?$/i },
  // Attachments.
  { type: 'bilag', pattern: /^(bilag|bilagsnr\.?|bilagsfortegnelse|vedlagte bilag|bilagsoversigt|bilag til punktet)\s*:?$/i },
  // Absence labels that open an absent section, possibly empty.
  { type: 'absent', pattern: /^(fraværende|fravær|afbud\/fraværende)(\s+(med|uden)\s+afbud|\s+i\s+mødet|\s+indtil\/fra)?\s*[:\-–]?$/i },
  { type: 'absent', pattern: /^afbud\s*[:\-–]?$/i, afterDecision: true },
  { type: 'absent', pattern: /^følgende\s+deltog\s+ikke\s+i\s+behandlingen\s+af\s+(punktet|sagen)\s*:?$/i },
  // Sub-headings: inside a running case text they stay part of it; elsewhere they open 'other'.
  { type: 'other', role: 'sub', pattern: /^(økonomi(ske)?(\s+[a-zæøå]+){0,4}|konsekvenser|risikovurdering|personale|personalemæssige konsekvenser|proces|videre proces|tidsplan|opmærksomhedspunkter|problemstilling|løsning|vurdering|anbefaling|historik|sagens forløb|sagsgang og sagstype|kommunikation|lovgrundlag|retsgrundlag|høring|handicappolitik|miljøvurdering|borgerinddragelse|formål|målgruppe|indhold|status|perspektivering|juridiske\s+forhold)\s*:?$/i },
  { type: 'other', role: 'sub', pattern: /^(beslutningskompetence|kompetence|sagen\s+afgøres\s+i|beslutningen\s+træffes\s+af|kompetenceplacering)\s*:?.{0,60}$/i },
];

/** Lines that open an Indstilling without a heading ("Det indstilles, at", "Direktionen indstiller,"). */
export const RECOMMENDATION_LEAD_IN =
  /^(det\s+indstilles(\s+til\s+[^,:]{1,120})?|[A-ZÆØÅ][\wæøåÆØÅ\- ]{1,80}?\s+indstiller(\s+til\s+[^,:]{1,120})?|indstilling\s+om)\s*(,|:|,?\s*at:?|\s+overfor\s+[^,:]{1,120}:?)?\s*$/i;

/** Labels followed by absent names on the same line: "Fraværende: X (O)", "Fraværende Steen Wrist, ...". */
export const INLINE_ABSENT_LABEL = /^(fraværende|fravær|afbud)(\s+(med|uden)\s+afbud)?\s*(:|[-–]|\s)\s*(?=\S)/i;

/** Lines that open the table of contents. */
export const TOC_HEADING =
  /^(indholdsfortegnelse|indhold|punktfortegnelse|fortegnelse\s+over\s+(?:dagsordenens\s+)?punkter(?:ne)?|punkter\s+på\s+dagsordenen|oversigtsdagsorden|dagsordenpunkter|dagsordenspunkter|punkter|dagsorden|sagsliste|punkt\s+nr\.?\s+side|oversigt)\s*:?\s*(åben\s+referat|åbent\s+referat|referat|(?:åbent|åben|lukket)\s+møde|(?:åbne|lukkede)\s+punkter)?\s*$/i;

/**
 * A kind stated on a line of its own right under the item heading ("Til beslutning", "Orienteringssag").
 * A bare "Beslutning" there is the decision heading, not a kind, and is not among these.
 */
export const KIND_LINES: { kind: ItemKind; pattern: RegExp }[] = [
  { kind: 'beslutning', pattern: /^(til\s+beslutning|beslutnings(punkt|sag))\s*[.:]?$/i },
  { kind: 'orientering', pattern: /^(til\s+orientering|orienterings(punkt|sag)|skriftlig\s+orientering)\s*[.:]?$/i },
  { kind: 'drøftelse', pattern: /^(til\s+drøftelse|drøftelses(punkt|sag))\s*[.:]?$/i },
];

/**
 * Decorations a publisher prints before the item's number ("(A) Beslutning - 14. Budget", "(C) Lukket
 * punkt: 15. Salg af ejendom"): an open/closed letter in parentheses and a kind or status word. Group 1
 * is the word.
 */
export const LEADING_NUMBER_DECORATION = /^(?:\([A-ZÆØÅ]{1,2}\)[ \t]*)?(?:(beslutning(?:spunkt|ssag)?|orientering(?:spunkt|ssag)?|drøftelse(?:spunkt|ssag)?|lukket(?:[ \t]+(?:punkt|sag))?|åben(?:t)?(?:[ \t]+(?:punkt|sag))?)[ \t]*(?::|[ \t][-–])[ \t]*)?(?=\d{1,4}\.[ \t]*[A-ZÆØÅ"“«])/i;

/** An emptied "( )" (a case number the export lost) or "(kl )" (a time it lost) at a title's end, with a contents line's page after it. */
export const EMPTIED_PARENTHESES_END = /\s*\(\s*(kl\.?\s*)?\)\s*\d{0,4}\s*$/i;

/** The kind a kind or status word names ("Beslutning", "Orient", "Drøftelse"; "Lukket punkt", "Åbent"). */
export const KIND_WORD_STEMS: { stem: RegExp; kind: ItemKind }[] = [
  { stem: /^beslut/i, kind: 'beslutning' },
  { stem: /^orient/i, kind: 'orientering' },
  { stem: /^(drøft|debat)/i, kind: 'drøftelse' },
];
export const STATUS_WORD_STEMS: { stem: RegExp; closed: boolean }[] = [
  { stem: /^lukket/i, closed: true },
  { stem: /^åben/i, closed: false },
];

/** Kind prefixes in front of an item title, as written ("Beslutningspunkt:", "Orienteringssag:"). */
export const KIND_PREFIXES: { kind: ItemKind; pattern: RegExp }[] = [
  { kind: 'beslutning', pattern: /^(beslutnings?(punkt|sag)|til\s+beslutning|beslutning)\s*:\s*/i },
  { kind: 'orientering', pattern: /^(skriftlig\s+orientering|orienterings?(punkt|sag)|til\s+orientering|meddelelses?punkt)\s*:\s*/i },
  { kind: 'drøftelse', pattern: /^(drøftelses?(punkt|sag)|til\s+drøftelse|temadrøftelse)\s*:\s*/i },
];

/** Lines that carry a case or document number, typically right under an item heading. */
export const CASE_NUMBER_LINE =
  /^(sag(s)?n(r|umme)r?\.?|sag\s+nr\.?|sagsid\.?|sag|j\.\s?nr\.?|journalnr\.?|dok\.?\s?nr\.?|dok\.|brevid|emne)\s*:?\s*(?<value>[A-ZÆØÅ]{0,4}-?[\d][\d./\-A-Za-z]{2,40})/i;
/** Labels of the archive's journal number: where a "Sagsnr." stands beside it, that is the case number. */
export const JOURNAL_NUMBER_LABEL = /^(j\.\s?nr\.?|journalnr\.?)/i;
/** Labels of document and letter numbers: metadata, but not the item's case number. */
export const DOCUMENT_NUMBER_LABEL = /^(dok\.?\s?nr\.?|dok\.|dokument(nr\.?|nummer)|brevid|emne)\b/i;
/** A metadata label alone on its line, with the value on the next line ("Sagsnr." / "330-2018-1177"). */
export const ITEM_META_LABEL = /^(sag(s)?n(r|ummer)\.?|sag\s+nr\.?|sagsid\.?|j\.\s?nr\.?|dok\.?\s?nr\.?|initialer|sagsbehandler)\s*:?$/i;
/** A bare case number on its own line: "22/43575", "2012-28504", "EMN-2024-001234", 8-digit ids. */
/** A KLE case number: subject, facet, serial and year ("00.22.02-A26-1-13", "85.02.02G00-0011"). */
const KLE_CASE_NUMBER = String.raw`\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d{1,7}(?:-\d{2})?`;
export const BARE_CASE_NUMBER = new RegExp(String.raw`^(?<value>${KLE_CASE_NUMBER}|\d{2}\/\d{3,7}|\d{4}[-/]\d{3,7}|EMN-\d{4}-\d{3,9}|\d{8}|\d{1,3}-\d{2}-\d{2}-\d{2}-\d{2}|\d{3}-\d{4}-\d{1,7})$`);
/** Status lines of an item: "Åbent", "Åbent punkt", "Åbent - 27.00.00A00 - 2012/087341", "LUKKET PUNKT". */
export const ITEM_STATUS_LINE = /^(åben(t)?(\s+punkt|\s+sag)?|lukket(\s+punkt|\s+sag)?)(\s*[-–].*)?$/i;
/** Markers that an item is closed to the public. */
export const CLOSED_ITEM = /\b(lukket\s+punkt|lukket\s+sag|lukket:)|^lukket\b/i;

/** Navigation and UI text that separates items on web pages; a strong hint that an item follows. */
export const ITEM_SEPARATOR_LINE = /^(tilbage\s+til\s+toppen|til\s+toppen(\s+af\s+siden)?|top|del\s+siden|print\s+siden|udskriv(\s+siden)?|kopier\s+link(\s+til\s+(punktet|siden))?(\s*[-–|]\s*(print|udskriv))?|til\s+indholdsfortegnelse(n)?)$/i;

/** Header labels (label: value, or label alone with the value on the next line). */
export const HEADER_LABELS = {
  date: /^(mødedato|dato|tidspunkt\s+og\s+dato|afholdt)\b\s*:?\s*/i,
  // the short labels "Start:" and "Slut:" only with their colon
  time: /^((mødetidspunkt|tidspunkt|tid|starttidspunkt|mødestart|starttid|mødetid)\b\s*:?|start\s*:)\s*/i,
  endTime: /^((sluttidspunkt|mødeslut|sluttid)\b\s*:?|slut\s*:)\s*/i,
  location: /^(mødested|sted|lokale|mødelokale|adresse|hvor(?=\s*:))\b\s*:?\s*/i,
  body: /^(udvalg|forum|mødeforum|organ)\b\s*:?\s*/i,
};

/** Participant list labels in the header (or in item 1 where the family puts them there). */
export const PARTICIPANT_LABELS: { status: 'present' | 'absent'; pattern: RegExp }[] = [
  { status: 'absent', pattern: /^(afbud\/fraværende|afbud(\s+fra)?|fraværende(\s+(med|uden)\s+afbud|\s+i\s+mødet)?|fravær|ikke\s+til\s+stede|forhindret)\s*:?/i },
  { status: 'present', pattern: /^(mødedeltagere|deltagere|deltagerne\s+var|deltog|tilstede|til\s+stede|medlemmer|fremmødte|formænd|formandskab|administrativ\s+deltagelse|administrationen|sekretariat|sekretær|referent|øvrige\s+deltagere|desuden\s+deltog|fra\s+administrationen\s+deltog|gæst(er)?(\s+under\s+(punkt|pkt\.?)\s*[\d\s,og-]+)?|mødeleder|fraværende\s+indtil\/fra)\s*:?/i },
];

/** Words that mark a name's role when they stand before or after it. */
export const ROLE_WORDS =
  /^(borgmester|viceborgmester|rådmand|formand|næstformand|medformand|regionsrådsformand|regionsrådsmedlem|udvalgsformand|sekretær|referent|mødeleder|direktør|vicedirektør|kommunaldirektør|psykiatridirektør|sundhedschef|chef|konsulent|udviklingskonsulent|praksiskoordinator|overlæge|ledende overlæge|cheflæge|fuldmægtig|ac-fuldmægtig|suppleant|stedfortræder|medlem|tilforordnet|sygeplejefaglig direktør|lægefaglig direktør|psykiatrichef|plo-repræsentant)$/i;

/** Document kind words in a title line. */
export const DOCUMENT_KIND_WORDS = {
  minutes: /\b(referat|beslutningsprotokol|protokol|mødereferat)\b/i,
  agenda: /\b(dagsorden|indkaldelse|mødeindkaldelse)\b/i,
  memo: /\b(notat|bilag|memo|redegørelse|høringssvar|kommissorium|projektbeskrivelse|notits)\b/i,
};

/**
 * Head words of section headings, for headings no rule above knows ("Byrådets beslutning",
 * "Indstillingen", "Sagsforløb", "Direktionens påtegning"). A Danish compound's head is its last part,
 * so a heading is mapped by how its last word ends, after a definite or plural ending is removed:
 * "Beslutningspunkter" ends in "punkt" and is not a decision; "Udvalgets beslutning" is.
 * `history`: a block that retells the case's earlier treatment (its decisions, absences and dates
 * belong to earlier meetings).
 */
export const HEADING_HEAD_WORDS: { ending: string; type: SectionType; history?: boolean }[] = [
  { ending: 'beslutning', type: 'beslutning' },
  { ending: 'afgørelse', type: 'beslutning' },
  { ending: 'indstilling', type: 'indstilling' },
  { ending: 'fremstilling', type: 'sagsfremstilling' },
  { ending: 'redegørelse', type: 'sagsfremstilling' },
  { ending: 'resume', type: 'resume' },
  { ending: 'resumé', type: 'resume' },
  { ending: 'sammendrag', type: 'resume' },
  { ending: 'bilag', type: 'bilag' },
  { ending: 'forløb', type: 'other', history: true },
  { ending: 'historik', type: 'other', history: true },
  { ending: 'behandlingsforløb', type: 'other', history: true },
  // Headings of their own that no section type names: they end the section before them.
  { ending: 'påtegning', type: 'other' },
  { ending: 'retsgrundlag', type: 'other' },
  { ending: 'sagsprocedure', type: 'other' },
  { ending: 'sagstema', type: 'other' },
  { ending: 'oplæg', type: 'other' },
];
/** Whole headings that open a history block although their head word says nothing of it. */
export const HISTORY_HEADINGS = /^(tidligere\s+(politisk\s+)?behandling(er)?|politisk\s+behandlingsforløb|sagens\s+(tidligere\s+)?behandling|sagsgang|historik|tidligere\s+beslutninger)\s*:?$/i;
/** Definite and plural endings removed before a heading's last word is compared with the head words. */
export const HEAD_WORD_ENDINGS = ['erne', 'ene', 'en', 'et', 'er', 'ne', 'e'];

/**
 * Words that make a short line a sentence or a lead-in rather than a heading ("Udvalget besluttede
 * følgende:", "Det blev aftalt, at:"). A heading is a noun phrase.
 */
export const NON_HEADING_WORDS = new Set([
  'at', 'følgende', 'der', 'det', 'blev', 'er', 'var', 'har', 'havde', 'skal', 'kan', 'vil', 'bliver', 'som',
  'besluttede', 'beslutter', 'vedtog', 'godkendte', 'godkendt', 'godkendes', 'anbefaler', 'anbefales', 'indstiller',
  'indstilles', 'tiltræder', 'tiltrådt', 'drøftede', 'drøftet', 'orienterede', 'noterede', 'taget', 'tages', 'deltog', 'mødte',
  'fremlagde', 'præsenterede', 'ønsker', 'ønskede', 'bemærkede', 'oplyste', 'spurgte', 'svarede', 'aftalt', 'aftaltes',
  'jeg', 'vi', 'du', 'han', 'hun', 'de', 'hvis', 'når', 'fordi', 'men', 'eller', 'ikke',
]);

/**
 * Lines that end the minutes' last item: the meeting's close, signatures, and the web
 * page's own links after the content. What stands after them belongs to no item.
 */
export const END_OF_MINUTES_LINE =
  /^(mødet\s+(blev\s+)?(hævet|sluttede|afsluttet|slut)\b.{0,40}|underskrifter|underskriftsside|underskrift(er)?\s*:|kopier\s+link|del\s+(siden|på\s+\S+)|udskriv(\s+siden|\s+referat)?|print|luk\s+alle(\s+punkter)?|fold\s+alle\s+(ud|ind)|tilbage\s+til\s+(oversigten|forsiden|mødeoversigt(en)?)|se\s+alle\s+bilag)\s*[.:]?$/i;

/**
 * A decoration before an item title, separated by a colon or a dash ("Beslutning - ", "Lukket punkt: ").
 * One that repeats on the titles is a marker; its words say what it marks (a kind, or closed/open).
 */
export const TITLE_PREFIX = /^([A-ZÆØÅa-zæøå][\wæøåÆØÅ]*(?:\s+[\wæøåÆØÅ]+){0,2})\s*(?::|\s[-–]\s)\s*(?=\S)/;
export const DECORATION_MEANING: { pattern: RegExp; kind?: ItemKind; closed?: boolean }[] = [
  { pattern: /^(beslutning(s(punkt|sag))?|til\s+beslutning)$/i, kind: 'beslutning' },
  { pattern: /^(orientering(s(punkt|sag))?|til\s+orientering|meddelelse)$/i, kind: 'orientering' },
  { pattern: /^(drøftelse(s(punkt|sag))?|til\s+drøftelse|temadrøftelse)$/i, kind: 'drøftelse' },
  { pattern: /^lukket(\s+(punkt|sag))?$/i, closed: true },
  { pattern: /^åben(t)?(\s+(punkt|sag))?$/i, closed: false },
];

export const NONE = /^(ingen|ingen\s+bilag|-)\.?$/i;

/** A section heading word glued to a title by text extraction. */
export const GLUED_HEADING = /(?<=[a-zæøå0-9)”"])(Referat|Beslutning|Resume|Resumé|Sagsfremstilling|Indstilling)$/;

export const SAG_NR_LINE = /^sag\s+nr\.?\s*(\d{1,5})$/i;

export const DOCUMENT_KIND_LINE = /^(referat|dagsorden|beslutningsprotokol)\s*:?$/i;

/** a clock time in a line (a header line, not a title) */
export const CLOCK_TIME_IN_LINE = /\bkl\.?\s*\d{1,2}[.:]\d{2}/i;

/** a title starting "Lukket" */
export const CLOSED_TITLE = /^lukket\b/i;

export const INLINE_HEADING = /^(beslutning|referat|resume|resumé|indstilling|sagsfremstilling|bilag|sammendrag)\s*:\s*(?=\S)/i;

export const GLUED_DECISION = /^(Beslutning|BESLUTNING)(?=[A-ZÆØÅ][a-zæøå])/;

/** "Sagsnr. 12/345 … Åbent punkt" */
export const CASE_NUMBER_OPEN_LINE = /^sagsnr\.?\s*[\d/-]+.*\båbent(\s+punkt)?$/i;

/** "A: Sager til beslutning" part lines */
export const AGENDA_PART_LINE = /^[A-D][.:]\s+(sager|punkter|meddelelser)\b/i;

/** "Udvalget den 3. maj 2021, punkt 4" lines */
export const CROSS_REFERENCE_LINE = /^[A-ZÆØÅ][^.:]{2,80}\s+den\s+\d{1,2}\.\s*[a-zæøå]+\s+\d{4},?\s+(punkt|pkt\.?)\s*\d+$/i;

/** words that start a sentence, not a list of names */
export const SENTENCE_START_WORD = /^(det|der|den|sagen|udvalget|godkendt|taget|indstillingen)\b/i;

/** the label word of an attendance line ("Fraværende med afbud:") */
export const ABSENCE_LABEL_WORD = /^\S+(\s+(med|uden)\s+afbud)?\s*:?/i;

export const GROUP_LINE = /^((åbent|åben|lukket)\s+(referat|dagsorden|møde|punkter?)|(åbne|lukkede)(\s+(punkter|sager|dagsordenspunkter))?\s*:?|[A-D]\s*[:.]\s+\S.*|-{3,}(\t-{3,})*)$/i;
/** A drawn rule ("——————", "-----", "_____") that closes a block. */
export const RULE_LINE = /^[-–—_=*]{5,}$/;
/** A break in the programme on a line of its own ("PAUSE", "Frokost"). */
export const PROGRAMME_BREAK_LINE = /^(pause|kaffepause|frokost(pause)?|spisepause)\.?$/i;
/** A break in a programme-style agenda between its numbered points ("Kl. 10.30: Kaffepause", "Kl : Frokost"). */
export const AGENDA_BREAK_LINE = /^kl\.?\s*[\d.:]*\s*[-–]?\s*[\d.:]*\s*:\s*[A-ZÆØÅ][\wæøå]*(\s+[\wæøå]+){0,3}\.?$/i;

export const GLUED_TOC = /^(indholdsfortegnelse|indhold)(?=\d)/i;

/** "Beslutning i <body> den …" */
export const DECISION_IN_BODY_HEADING = /^beslutning\s+(?:i|på|fra|af)\s+(.+?)\s*(?:[-–,]\s*)?(?:den|d\.|\d)/i;

/** "<body>s beslutning" */
export const BODY_S_DECISION_HEADING = /^(.+?)s\s+beslutning\b/i;

/** "mødet" alone */
export const MEETING_WORD = /^(mødet|møde)$/i;

/** words that name the meeting's own body without its name */
export const GENERIC_BODY_WORD = /^(udvalget|rådet|byrådet|kommunalbestyrelsen|regionsrådet|klyngen|mødet)$/i;

/** a title line starting with the document kind */
export const DOCUMENT_KIND_TITLE = /^(referat|dagsorden|beslutningsprotokol|mødereferat)\b/i;

export const CLOSED_OR_CONFIDENTIAL_TITLE = /\b(lukket|fortrolig)\b/i;

/**
 * The time an agenda gives an item, written between the number and the title: "Punkt 3 (20 min.)
 * Title", "Punkt 3 - 20 min - Title", and in a table exported without spaces "Punkt 320minTitle"
 * (number 3, 20 minutes). Not part of the title.
 */
export const TIME_ALLOTMENT = /^\(?\s*\d{1,3}\s?(?:min(?:utter|\.)?|timer?|t\.)\s*\)?(?=[\s\-–:]|[A-ZÆØÅ"«„]|$)\s*[-–:]?\s*/i;
export const GLUED_ITEM_ALLOTMENT = /^(?:punkt|pkt\.?)\s*(\d{2,4})\s?min(?:utter|\.)?(?=[A-ZÆØÅ"«„]|\s)\s*/i;

/** How an item heading is numbered: "Punkt 3", "3.", "3 -", "Sag nr. 3", a number alone. */
export type HeadingFamily = 'punkt' | 'dot' | 'dash' | 'sagnr' | 'bare' | 'spaced';

/** The item heading families, tried in this order. */
export const ITEM_HEADING_PATTERNS: { family: HeadingFamily; re: RegExp }[] = [
  { family: 'punkt', re: /^(?:punkt|pkt\.?|dagsordenspunkt|nr\.)\s*(\d{1,4})\s*(?:[:.\-–]\s*|\s+|$)/i },
  // "Ad 3.  Title" / "Ad pkt. 3:": the minutes' part that takes the agenda's items one by one.
  { family: 'punkt', re: /^ad\s+(?:pkt\.?\s*|punkt\s+)?(\d{1,3})\s*[.:)]\s*/i },
  // "3. Title", "3.Title", "3.      Title" but not "3.5 mio." or "3.-4. januar" or "1.000".
  { family: 'dot', re: /^(\d{1,4})\s?\.(?![\d\-–])\s*/ },
  // "3 - Title", "3 : Title", "3: Title"
  { family: 'dash', re: /^(\d{1,4})(?:\s+[-–—]|\s*:)\s+/ },
  // The number alone on its line, the title on the next (small bodies' web minutes, table cells).
  { family: 'bare', re: /^(\d{1,3})\.?$/ },
  // "2  Title": a number and a capitalised title; a heading only where the table of contents names the title.
  { family: 'spaced', re: /^(\d{1,4})\s+(?=[A-ZÆØÅ"«»„])/ },
];

/**
 * A numbered entry of a table of contents in the writings the item heading does not take: "3 Title",
 * "3 : Title", "åbent 3 Title" (an open/closed status before the number).
 */
export const TOC_ENTRY_NUMBERED = /^(?:(?:åben|åbent|lukket)\s+)?(\d{1,4})\s*(?::\s*|\s+)(?=[A-ZÆØÅ"«»„0-9])/i;

/** A bulleted entry of a table of contents: "- Title", "• Title". */
export const TOC_ENTRY_BULLET = /^[-•·*–]\s+(?=\S)/;

/** A case-number label with its value on the next line ("Sagsnr." / "450-2020-62968"). */
export const CASE_NUMBER_LABEL_ONLY = /^(sag(s)?n(r|ummer)\.?|sag\s+nr\.?|sagsid\.?|j\.\s?nr\.?|journalnr\.?)\s*:?$/i;

/** A KLE case number at the start of a flattened line ("00.22.02-A26-1-13 Beslutning …"). */
export const LEADING_CASE_NUMBER = new RegExp(String.raw`^(${KLE_CASE_NUMBER})\s`);

/** Column headings of a table of contents laid out as a table ("Pkt." / "Tekst" / "Side"). */
export const TOC_COLUMN_HEADER = /^(pkt\.?|punkt|nr\.?|tekst|titel|emne|overskrift|side|sidetal|sag)$/i;

/** A heading that can only open a table of contents ("Dagsorden" or "Punkter" may head other things). */
export const EXPLICIT_TOC_HEADING = /^(indholdsfortegnelse|indhold)\s*:?$/i;

/** A label whose block under it states the item's kind ("Sagsgang og sagstype" / "Byrådet" / "Beslutningssag"). */
export const CASE_TYPE_LABEL = /^(sagsgang\s+og\s+sagstype|sagstype|sagens\s+type|punkttype|type)\s*:?$/i;
/** A bare kind word, a kind only inside a case-type block. */
export const BARE_KIND_WORDS: { kind: ItemKind; pattern: RegExp }[] = [
  { kind: 'beslutning', pattern: /^beslutning\s*[.:]?$/i },
  { kind: 'orientering', pattern: /^orientering\s*[.:]?$/i },
  { kind: 'drøftelse', pattern: /^drøftelse\s*[.:]?$/i },
];
/** A kind stated after the title in parentheses ("… (orienteringssag)"); the title keeps it. */
export const TITLE_KIND_SUFFIX: { kind: ItemKind; pattern: RegExp }[] = [
  { kind: 'beslutning', pattern: /\(beslutnings(sag|punkt)\)\s*$/i },
  { kind: 'orientering', pattern: /\(orienterings(sag|punkt)\)\s*$/i },
  { kind: 'drøftelse', pattern: /\(drøftelses(sag|punkt)\)\s*$/i },
];

/**
 * An item heading inside running text, where a flattened page put it ("… Godkendt. 2. Valg af
 * formand …", "… PKT. 2. FORMANDSORIENTERING …", "Ad 3. Kassereren …"): the number is group 1.
 * Only a number followed by a capitalised word (or a number: "9. 2 stk. ansøgninger"), so "3. behandling",
 * "1.000" and dates do not count; the sequence the markers must form keeps lists and sums out.
 * Group 1 is the item word ("PKT.", "Ad"), group 2 the number.
 */
export const RUN_IN_ITEM_MARKER = /(?<=^|\s)((?:[Pp]unkt|PUNKT|[Pp]kt\.?|PKT\.?|[Aa]d(?:\s+pkt\.?)?|AD(?:\s+PKT\.?)?)\s*)?([1-9]\d{0,2})\s?\.(?=[ \t]+["«„”]?[A-ZÆØÅ0-9])/g;

/**
 * A contents heading glued to the text before it, as web pages' text exports leave it ("Egon Bo
 * (I)Indholdsfortegnelse åbent møde", "…53Indholdsfortegnelse lukket møde"): the line breaks there.
 */
export const GLUED_TOC_HEADING = /(?<=[\p{Ll}\d)\].])(?=(?:Indholdsfortegnelse|INDHOLDSFORTEGNELSE)(?![\p{L}]))/gu;

/** The kind cell of an agenda table, beside the time slot: "Beslutning", "Orientering og drøftelse", "Orient". */
export const KIND_CELL_LINE = /^[ \t]*(beslutning|orient(ering)?|drøftelse|debat)(\s+og\s+(beslutning|orientering|drøftelse|debat))?\s*[.:]?[ \t]*$/i;
