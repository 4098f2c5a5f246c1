/** Attendance: who was absent or present, for the meeting or for items (afbud, fravær, stedfortræder …). */

/** an entry marked absent ("X: afbud", "X (fravær)") */
export const ABSENT_MARK = /[:\-–]\s*afbud\b|\((fravær|fraværende|afbud)\)|[:\-–]\s*fraværende\b/i;

/** an entry present for part of the meeting (", punkt 3", "til kl. 15") */
export const PARTLY_PRESENT_MARK = /,\s*(sag|sagerne|punkt|punkterne|pkt\.?)\s*\d|deltog\s+ikke\s+i\s+(behandlingen|punkt|pkt)|\b(til|fra)\s+kl\.?\s*\d/i;

/** whom a substitute stands in for ("stedfortræder for Anne Hansen") */
export const SUBSTITUTE_FOR = /(?:stedfortræder|suppleant|tilforordnet)\s+for\s+([A-ZÆØÅ][\wæøåéü'\-]+(?:\s+[A-ZÆØÅ][\wæøåéü'\-]+){1,4})/i;

export const ATTENDANCE_CUE = /\b(fremmøde|afbud\s+fra|havde\s+meldt\s+afbud|udeblev|mødte\s+ikke\s+(frem|op)|deltog\s+ikke\s+på\s+mødet|medlemmerne\s+var\s+mødt)\b/i;

/** an attendance sentence, not a list entry ("Afbud fra …", "Der var …") */
export const SENTENCE_NOT_LIST_START = /^(afbud\s+fra|der\s+var|i\s+stedet|medlemmerne|som\s+stedfortræder)\b/i;

/** verbs of attendance sentences ("havde meldt", "udeblev") */
export const ATTENDANCE_SENTENCE_VERB = /\b(deltog ikke i behandlingen af pkt|i stedet for|havde meldt|var indkaldt|udeblev|blev|mødte ikke|deltog i stedet|deltog som)\b/i;

/** an entry with its status after a colon or dash ("X – afbud") */
export const LABELLED_STATUS = /[:\-–]\s*(afbud|deltog)/i;

/** the items an absence covers (", punkt 3-5") */
export const ABSENT_FOR_ITEMS = /,\s*(?:sag|sagerne|punkt|punkterne|pkt\.?)\s*(\d[\d\s,–-]*)/i;

/** "afbud fra", "bortset fra" */
export const ABSENCE_OR_EXCEPTION_PHRASE = /afbud fra|bortset fra/i;

export const SPEECH = /^\s*(?:\([^)]{1,20}\)\s*)?(?:(?:også|desuden|endvidere|herefter|derefter|kort|endelig|indledningsvis)\s+)?(bemærkede|oplyste|orienterede|fremlagde|spurgte|sagde|foreslog|understregede|redegjorde|præsenterede|gennemgik|fortalte|tilføjede|pointerede|udtalte|svarede|opfordrede|supplerede|indledte|fremhævede|kommenterede|takkede)\b/iu;

/** "tilforordnet for X", "i stedet for X", "stedfortræder for X": X is named, not present. */
export const ON_BEHALF_BEFORE = /(tilforordnet|stedfortræder|suppleant|i\s+stedet)\s+for\s*$|afbud\s+fra\s*$/i;

/** "(fravær)", "(afbud)", "(syg)" after a name */
export const ABSENT_MARK_IN_PARENS = /\((fravær|fraværende|afbud|syg|forhindret)\)/i;

/** ": afbud", "– fraværende" after a name */
export const ABSENT_MARK_AFTER = /^[ \t]*(\([^)]{1,20}\))?[ \t]*[:\-–,]?[ \t]*(afbud|fraværende|forhindret)\b/i;

/**
 * Labels that say who attended ("Til stede", "Fremmødte", "Deltog"), as opposed to "Deltagere" or
 * "Medlemmer", which many families use for the whole roster with "Afbud" below it.
 */
export const ATTENDED_LABEL = /^(til\s*stede|tilstede|fremmødte|mødt|mødte|deltog|desuden\s+deltog|deltagerne\s+var|øvrige\s+deltagere)\b/i;

/** an item that is the list of attendees */
export const ATTENDANCE_ITEM_TITLE = /^(deltagere|mødedeltagere|tilstede|til stede)\b/i;

/** an item whose title is the attendance itself ("Fraværende", "Afbud") */
export const ABSENCE_ITEM_TITLE = /^(fraværende|afbud|fravær)\b/i;

/** a label that names items ("Fraværende under punkt 3"): a partial absence, not the item's */
export const ITEM_REFERENCE_IN_LABEL = /\b(punkt|pkt|sag)\w*\s*\d/;

/** a label followed by the items it covers ("Fraværende: af punkt 3") */
export const ITEM_REFERENCE_AFTER_LABEL = /^\s*af\s+(punkt|pkt|sag|dagsorden)\w*\.?\s*:?\s*\d/i;

/** Verbs that make a line under an absence label a sentence rather than a list of names. */
export const SENTENCE_VERB = /\b(havde|har|var|er|blev|udeblev|mødte|deltog|ankom|forlod|erklærede|sluttede|meldte)\b/;

/** Every ABSENT_SUBJECT match contains one of these (the gate, as for CROSS_REFERENCES). */
export const ABSENT_SUBJECT_GATE = /afbud|udeblev|mødte|fraværende|deltog/;

/** where a substitute clause starts in an absence entry ("– X mødte som stedfortræder") */
export const SUBSTITUTE_CLAUSE = /\s[-–]\s[^-–]*\bmødte\s+som\s+stedfortræder|\bmødte\s+som\s+stedfortræder|\bi\s+stedet\s+mødte/;

export const NAME_RUN = String.raw`((?:[A-ZÆØÅ][\wæøåéü'’\-]+\s+){1,4}[A-ZÆØÅ][\wæøåéü'’\-]+)(?:\s*\([^)]{1,15}\))?`;

export const NAME_LIST = String.raw`((?:[A-ZÆØÅ][\wæøåéü'’\-]+(?:[ \t]*\([^)]{1,15}\))?(?:,[ \t]*|[ \t]+og[ \t]+|[ \t]+))+?)`;

export const NUMBERS = String.raw`(\d{1,4}(?:\s*(?:[-–]|,|og|til)\s*\d{1,4})*)`;

export const ITEM_WORD = String.raw`(?:punkt(?:erne|et)?|pkt\.?|dagsordens?punkt(?:erne)?|dagsordenens\s+pkt\.?|sag(?:erne)?)`;

/**
 * Sentences that tie names to item numbers anywhere in the document. Each pattern has a gate: a word
 * every match must contain, looked for first. A pattern that starts with a run of names is tried at
 * every capital letter of the text, so most documents, which have none of these sentences, skip it.
 */
export const CROSS_REFERENCES: { re: RegExp; gate: RegExp; scope: 'listed' | 'after' }[] = [
  { re: new RegExp(String.raw`${NAME_RUN}(?:[^.\n]|\.(?=\s?\d)){0,80}?\bdeltog\s+(?:derfor\s+)?ikke\s+(?:i\s+|under\s+)?(?:behandling(?:en)?\s+af\s+)?${ITEM_WORD}\s*:?\s*${NUMBERS}`, 'g'), gate: /deltog/, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}(?:(?![Ss]tedfortræder)[^.\n]){0,40}?\bfraværende\s+(?:ved|under|i)\s+${ITEM_WORD}\s*${NUMBERS}`, 'g'), gate: /fraværende/, scope: 'listed' },
  // "Nikolaj Dam (A), sag 130-131" under a Fraværende label (Rødovre).
  { re: new RegExp(String.raw`${NAME_RUN},\s*(?:sag|sagerne|punkt|punkterne|pkt\.)\s*${NUMBERS}\s*$`, 'gm'), gate: /,\s*(?:sag|punkt|pkt\.)/, scope: 'listed' },
  // "Inger Sloth til kl. 19.45 i punkt 2": gone from the next item on.
  { re: new RegExp(String.raw`${NAME_RUN}\s+(?:til|indtil)\s+kl\.?\s*\d{1,2}[.:]\d{2}\s+(?:i|under)\s+${ITEM_WORD}\s*(\d{1,4})`, 'g'), gate: /til\s+kl/, scope: 'after' },
  { re: new RegExp(String.raw`stedfortræder\s+${NAME_RUN},?\s*fraværende\s+(?:ved|under|i)\s+${ITEM_WORD}\s*${NUMBERS}`, 'gi'), gate: /stedfortræder/i, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}[^.\n]{0,60}?\binhabil[^.\n]{0,80}?\(?(?:under\s+)?${ITEM_WORD}\s*${NUMBERS}`, 'g'), gate: /inhabil/, scope: 'listed' },
  { re: new RegExp(String.raw`${NAME_RUN}\s+forlod\s+mødet[^\n]{0,40}?\befter\s+(?:behandlingen\s+af\s+)?${ITEM_WORD}\s*(\d{1,4})`, 'g'), gate: /forlod/, scope: 'after' },
];

/** Absence sentences that apply to the item they stand in (gated like CROSS_REFERENCES). */
export const IN_ITEM: { re: RegExp; gate: RegExp }[] = [
  { re: new RegExp(String.raw`${NAME_LIST}\s*deltog\s+ikke\s+(?:i|under)\s+(?:[^.\n]{0,80}?\s)?(?:behandling(?:en)?\s+af\s+(?:sagen|punktet)|sagens\s+behandling|punktet|behandlingen)\b`, 'g'), gate: /deltog/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*var\s+fraværende\b`, 'g'), gate: /fraværende/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*var\s+inhabil\b`, 'g'), gate: /inhabil/ },
  { re: new RegExp(String.raw`${NAME_LIST}\s*deltog\s+ikke\s+(?:på|i)\s+mødet\b`, 'g'), gate: /deltog/ },
  { re: /[Dd]er\s+var\s+(?:modtaget\s+)?afbud\s+fra\s*:?\s*([A-ZÆØÅ][^.:;\n]{2,300}?)(?=\.|\n|$)/g, gate: /afbud/ },
];

export const ABSENT_SUBJECT = new RegExp(String.raw`${NAME_RUN}\s+(?:havde\s+meldt\s+afbud|har\s+meldt\s+afbud|meldte\s+afbud|udeblev|var\s+indkaldt,?\s+men\s+mødte\s+ikke|mødte\s+ikke|var\s+fraværende|er\s+fraværende|deltog\s+ikke\s+(?:i|på)\s+mødet)`, 'g');

/** Attendance markers in parentheses after a name or affiliation: "(Fravær)", "(afbud)". */
export const ATTENDANCE_MARKER_SOURCE = String.raw`\((fravær|fraværende|afbud|syg|deltog\s+ikke)\)`;

export const ATTENDANCE_MARKER = new RegExp(ATTENDANCE_MARKER_SOURCE, 'i');

export const NAME = String.raw`((?:[A-ZÆØÅ][\wæøåéü'’\-]+\s+){1,4}[A-ZÆØÅ][\wæøåéü'’\-]+)`;

export const PARTY_OPT = String.raw`(?:\s*\([^)]{1,15}\))?`;

export const NAMES = String.raw`([A-ZÆØÅ][^.:;]{2,300}?)`;

/** Attendance sentences: each yields names with a status (and a substitute relation). */
export const SENTENCES: { re: RegExp; apply: (m: RegExpExecArray) => { name: string; group: number; status: 'present' | 'absent'; substituteFor?: string | null; list?: boolean }[] }[] = [
  { re: new RegExp(String.raw`(?:der\s+var\s+(?:modtaget\s+)?afbud\s+fra|afbud\s+fra|medlemmerne\s+var\s+mødt,?\s+bortset\s+fra)\s*:?\s*${NAMES}(?=\.|\s+stedfortræder|\s+i\s+stedet|,\s+der\s+havde|$)`, 'gim'),
    apply: (m) => [{ name: m[1], group: 1, status: 'absent' }] },
  { re: new RegExp(String.raw`[Aa]fbud\s+fra\s+${NAME}${PARTY_OPT}\.?\s+(?:[Ss]tedfortræder|[Ii]\s+stedet\s+mødte)\s+${NAME}`, 'g'),
    apply: (m) => [{ name: m[2], group: 2, status: 'present', substituteFor: m[1] }] },
  { re: new RegExp(String.raw`i\s+stedet\s+for\s+${NAME}${PARTY_OPT}\s+mødte\s+${NAME}`, 'gi'),
    apply: (m) => [{ name: m[2], group: 2, status: 'present', substituteFor: m[1] }] },
  { re: new RegExp(String.raw`${NAME}${PARTY_OPT}\s+havde\s+meldt\s+afbud,?\s+og\s+${NAME}${PARTY_OPT}\s+deltog\s+i\s+stedet`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'absent' }, { name: m[2], group: 2, status: 'present', substituteFor: m[1] }] },
  { re: new RegExp(String.raw`${NAME}${PARTY_OPT}\s+(?:havde\s+meldt\s+afbud|udeblev(?:\s+uden\s+afbud)?|var\s+indkaldt,?\s+men\s+mødte\s+ikke(?:\s+frem|\s+op)?)`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'absent' }] },
  { re: new RegExp(String.raw`(?:^|[.!?]\s+)${NAMES}\s+deltog\s+ikke\s+(?:på|i)\s+mødet`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'absent', list: true }] },
  // "Til stede var Karen, Mette, Thomas og Jørgen."
  { re: new RegExp(String.raw`(?:^|[.!?]\s+)(?:[Tt]il\s*stede|[Ff]remmødt[e]?)\s+(?:var|er)\s*:?\s*${NAMES}(?=[.]|$)`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'present', list: true }] },
  { re: new RegExp(String.raw`(?:^|[.!?]\s+)${NAMES}\s+deltog\s+som\s+(?:suppleanter|stedfortrædere)`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'present', list: true }] },
  { re: new RegExp(String.raw`(?:som\s+stedfortræder\s+deltog|i\s+stedet\s+mødte)\s+${NAME}`, 'gi'),
    apply: (m) => [{ name: m[1], group: 1, status: 'present' }] },
  { re: new RegExp(String.raw`${NAME}${PARTY_OPT}\s+(?:deltog\s+ikke\s+(?:i|under)\s+(?:behandlingen|punkt|pkt|sag|dagsorden)|ankom\s+kl|forlod\s+mødet|deltog\s+som\s+(?:stedfortræder|suppleant))`, 'g'),
    apply: (m) => [{ name: m[1], group: 1, status: 'present' }] },
];

export const SUBSTITUTION = new RegExp(String.raw`${NAME}${PARTY_OPT}\s+(?:deltog|mødte)\s+som\s+(?:stedfortræder|suppleant)\s+for\s+${NAME}`, 'g');

/**
 * A run of three or more names each with its party letter ("Johnny Søtrup (V), Henrik Vallø (C),
 * Henning Ravn (V)"): a list of members wherever it stands in the header, also where a flattened
 * export moved its label away from it.
 */
export const PARTY_NAME_RUN = /(?:[A-ZÆØÅ][\wæøåéü'’\-.]*(?:\s+[A-ZÆØÅ][\wæøåéü'’\-.]*){1,4}\s*\([A-ZÆØÅ]{1,2}\)\s*(?:,\s*|\s+og\s+|\s+)?){3,}/g;

/** A label for the members present or absent anywhere in a line ("… Deltagere: …", "Afbud: …"). */
export const INLINE_ATTENDANCE_LABEL = /(?:^|\s)(deltagere|mødedeltagere|til\s*stede|tilstede|medlemmer|fremmødte|afbud|fraværende|fravær)\s*:/gi;
