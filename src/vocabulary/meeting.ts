/** The meeting header: the body's name and what stands around it, level, time, place. */

export const DOC_WORD = /^(referat|dagsorden|beslutningsprotokol|mødereferat|protokol)\b/i;

export const UI_LINE = /^(søg|hjem|politik|nye møder|gå til hovedindhold|abonnér på mødeforum|vis alle møder i dette forum|udskriv|dagsordener|mødefakta|åben|åbent|åbent referat|åben referat|lukket referat|til|referat|dagsorden|accepter cookies|you are here|du er her)$/i;

export const ORGAN_WORD = /(udvalg|råd(et)?\b|byråd|kommunalbestyrelse|regionsråd|klynge|bestyrelse|forum|styregruppe|lokaludvalg|borgerrepræsentation|repræsentantskab|komité|komite|samråd|nævn|sundhedsklynge|kontaktforum|koordinationsforum|følgegruppe|arbejdsgruppe|sekretariat)/i;

export const TITLE_DATE_TAIL = /\s*[-–,]?\s*(\b(den|d\.)\s*)?(\b(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s*(den|d\.)?\s*)?\d{1,2}[.\-/ ]\s*([a-zæø]+\.?|\d{1,2})([.\-/ ]\s*\d{2,4})?\s*(kl\.?.*|\d{1,2}[.:]\d{2}\b.*)?$/i;

export const POLITICAL_BODY = /(udvalg|byråd|kommunalbestyrelse|regionsråd|borgerrepræsentation|økonomiudvalg|repræsentantskab|magistrat)/i;

/** an archive page's section name before the body ("Dagsordener og referater …") */
export const BODY_SITE_SECTION_PREFIX = /^(dagsordene?r?|dagsordner)\s+og\s+referater\s+/i;

/** the document kind before the body ("Referat fra …", "Dagsorden:") */
export const BODY_DOCUMENT_KIND_PREFIX = /^((åben|åbent|lukket)\s+)?(referat|dagsorden|beslutningsprotokol)\.?\s*(til|fra|for|af)?\s*[-–:]?\s*|^(åben|åbent|lukket)\s+møde\s+(for|i)\s+/i;
/** An election period after a body's name ("Forretningsudvalget 2018-2021"). */
export const BODY_PERIOD_SUFFIX = /\s+\(?\d{4}\s*[-–]\s*\d{2,4}\)?$/;
/** A body label inside a run-together header line ("1 Dagsorden Forum: Handicaprådet Tid: …"). */
export const INLINE_BODY_LABEL = /(?:^|\s)(?:udvalg|forum|mødeforum)\s*:\s*/gi;

/** a level's meeting before the body ("Politisk møde i …") */
export const BODY_LEVEL_MEETING_PREFIX = /^(ekstraordinært\s+)?(politisk|fagligt?\s+strategisk)\s+møde\s+(i\s+)?/i;

/** "Mødet i …" before the body */
export const BODY_MEETING_IN_PREFIX = /^(mødet|møde)\s+i\s+/i;

/** anything up to "referat fra (mødet i)" before the body */
export const BODY_DOCUMENT_OF_PREFIX = /^.*?\b(referat|dagsorden|beslutningsprotokol)\s+(fra|for)\s+(møde[t]?\s+i\s+)?(?=[A-ZÆØÅa-zæøå])/i;

/** the document kind after the body ("Byrådet - Referat", "… | Dagsordener") */
export const BODY_DOCUMENT_KIND_SUFFIX = /\s*(?:[-–|]\s*|\s(?=(?:åben|åbent|lukket)\s))((åben|åbent|lukket)\s+)?(referat(er)?|dagsorden(er)?|dagsordner|beslutningsprotokol)\b.*$|\s+(?:referat|dagsorden|beslutningsprotokol)$/i;

/** lines that are words of the header, never the body's name */
export const NOT_A_BODY = /^(mødet|møde|referat|dagsorden|indhold|indholdsfortegnelse|åben|åbent)$/i;

/** a political level stated in the text ("Politisk niveau", "politisk møde") */
export const POLITICAL_LEVEL_PHRASE = /politisk(e)?\s+(niveau|møde)/i;

/** header labels that stand without a colon before their value */
export const BARE_HEADER_LABEL = /^(mødedato|mødested|mødetidspunkt|dato)$/i;

/** a title line naming the document kind after a dash ("Byrådet - Referat") */
export const TITLE_WITH_DOCUMENT_KIND = /\s[-–]\s(referat|dagsorden)\b/i;

/** "(mødet) i <body>" at a line's end */
export const MEETING_IN_BODY = /(?:mødet|møde)\s+i\s+(.{3,})$/i;

/** a line that is only a municipality's name ("Lemby Kommune"), not a body */
export const MUNICIPALITY_LINE = /\bkommune$/i;

/** a time value, with or without "kl." */
export const CLOCK_TIME_VALUE = /^\s*(kl\.?\s*)?(\d{1,2})[:.](\d{2})\b/i;

/** the meeting's end ("Mødet sluttede kl. 16.30") */
export const MEETING_ENDED = /mødet\s+(?:sluttede|blev\s+hævet|hævet|afsluttet)\s+kl\.?\s*(\d{1,2})[.:](\d{2})/i;

/** a time followed by the place ("kl. 13.00 i Byrådssalen") */
// The place after the time, or after the time range ("kl. 12.30 – 16.00, Mødelokale 292"): a dash before
// a time is the range's, not the place's.
export const TIME_THEN_PLACE = /\b(?:[Kk]l\.?|[Kk]lokken)\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?(?:,?\s+(?:i|på|hos)\s+(?=\S)|\s+[-–]\s+(?=[A-ZÆØÅ]|\d(?!\d?[.:]\d{2}))|,\s+(?=[A-ZÆØÅ]))(.{3,120}?)(?:\s+samt\s.*)?$/;
/** The place after the date, before the time ("Torsdag, den 17. maj 2018 hos DSAM Kl. 16:00 - 18:00"). */
export const DATE_THEN_PLACE = /\b(?:19|20)\d{2},?\s+(?:i|på|hos)\s+([A-ZÆØÅ][^,.:;]{1,60}?)(?=,?\s+(?:[Kk]l\.?|[Kk]lokken)\s*\d)/;
/** A place label inside a run-together header line ("… Sted: Mødelokale 915, Blok C Deltagere: …"). */
export const INLINE_PLACE_LABEL = /(?:^|\s)(?:mødested|sted|mødelokale|lokale)\s*:\s*/gi;
/** The next label in a header value ("Nordtoften, Farum Dagsorden:", "… Byrådssalen Mødetidspunkt: 16:00"). */
export const NEXT_HEADER_LABEL = /\s[A-ZÆØÅ][a-zæøå]*(?:\s[a-zæøå]+){0,2}\s*:/;
/** A label that starts a value: an empty label whose value the flattened table put after the next one. */
export const LEADING_HEADER_LABEL = /^[A-ZÆØÅ][a-zæøå]+\s*:\s*/;
/** A member with a party letter after a place: the attendance list has begun ("… Allerslev Jens K. Jensen (V)"). */
export const NAME_WITH_PARTY = /(?:^|\s)[A-ZÆØÅ][\wæøå.'-]*(?:\s[A-ZÆØÅ][\wæøå.'-]*){1,2}\s\((?:[A-ZÆØÅ]{1,2}|[A-ZÆØÅ][a-zæøå]+)\)/;

/** a clock time led by "kl." */
export const CLOCK_TIME = /\bkl\.?\s*\d{1,2}[.:]\d{2}/i;

/** "den"/"d." before a date */
export const DATE_LEAD_IN = /\b(den|d\.)\s*\d/i;

/** a date line that ends in "kl." (the time on the next line) */
export const DATE_LINE_ENDING_IN_CLOCK = /^(den|d\.)\s.*\bkl\.?$/i;

/** a line starting with "kl." and a number */
export const CLOCK_TIME_START = /^kl\.?\s*\d/i;

/** words that make a line a place (Rådhus, lokale, sal, Teams …) */
export const PLACE_WORD = /(rådhus|lokale|sal(en)?\b|møde|center|centret|vej\b|gade\b|teams|virtuel|plejehjem|kontor|hus(et)?\b|skole)/i;

/** Bodies whose members may carry party letters without the body being political (local committees, councils of users). */
export const NON_POLITICAL_BODY = /lokaludvalg|styregruppe|arbejdsgruppe|følgegruppe|netværk|brugerråd|seniorråd|ældreråd|handicapråd/i;

/** A party letter as a participant's affiliation ("A", "V", "SF"). */
export const PARTY_LETTERS = /^[A-ZÆØÅ]{1,2}$/;

/**
 * The nouns that name a body that meets, as the head of its name ("Økonomiudvalget", "Sundhedsklynge
 * Lillebælt", "Handicaprådet", "Gødstrup-klyngen", "Bestyrelsen"); each may carry the definite ending.
 */
export const ORGAN_NOUNS: readonly string[] = [
  'udvalg', 'råd', 'bestyrelse', 'klynge', 'forum', 'styregruppe', 'gruppe', 'nævn', 'repræsentantskab', 'komité', 'komite',
  'samarbejde', 'borgerrepræsentation', 'sekretariat', 'kollegium', 'præsidium', 'forsamling', 'magistrat', 'lokaludvalg',
];
/** A word whose last part is one of the ORGAN_NOUNS, with or without the definite ending. */
export const ORGAN_TOKEN = new RegExp(`(?:${ORGAN_NOUNS.join('|')})(?:et|en|n|t|met)?$`, 'i');

/** "Byrådets møde", "Klyngerådets ekstraordinære møde": the body is the genitive before "møde". */
export const BODY_GENITIVE_MEETING = /^(.+?)s\s+(?:ekstraordinære\s+|konstituerende\s+)?møde\b.*$/i;

/** Where a header line splits into parts that may each name the body: " - ", " | ", ": ", ". ". */
export const HEADER_PART_SEPARATOR = /\s+[-–|]\s+|\s*\|\s*|:\s+|(?<!\d|\b(?:d|den|kl|nr|pkt|ca|jf|bl\.a))\.\s+/i;

/** A municipality named in a part ("Tønder Kommune"): the publisher, not the body. */
export const MUNICIPALITY_NAME = /\b\p{Lu}[\p{L}-]+\s+kommun(e|ia)\b|\bkommune\s+\p{Lu}/iu;

/** A title that says the document is minutes, not an agenda. */
export const MINUTES_TITLE = /\b(referat|beslutningsprotokol|mødereferat|protokol)\b/i;

/**
 * A meeting named by a compound of its body ("Lokalrådsmøde", "Referat af bestyrelsesmøde",
 * "Skolebestyrelsesmøde"): group 1 is the body's noun, without the linking s.
 */
export const BODY_MEETING_COMPOUND = /(?<![\p{L}])(\p{L}{3,}?)s?møde(?:t|r)?(?![\p{L}])/iu;
/** The definite ending a body's noun takes as its name: "rådet", "bestyrelsen", "forummet". */
export function definiteBodyName(noun: string): string {
  const name = noun[0].toUpperCase() + noun.slice(1).toLowerCase();
  if (/e$/.test(name)) return name + 'n';
  if (/um$/.test(name)) return name + 'met';
  return name + 'et';
}
