/**
 * Person names in attendance lists and absence sentences: "Bo Libergren, V", "Name (A) - formand",
 * "Direktør for Sundhed og Omsorg Lene Bruun Ravnsbæk, Gjessø Kommune", "A, B og C". Shared by the
 * participant and per-item absence extractors.
 */
import { ROLE_WORDS } from '../vocabulary/structure.js';
import { ORG_WORD, TITLE_SUFFIX, NOT_A_NAME_TOKEN, CHAIR_ROLE, SUBSTITUTE_ROLE } from '../vocabulary/people.js';
import { ATTENDANCE_MARKER_SOURCE, ATTENDANCE_MARKER } from '../vocabulary/attendance.js';

const PARTICLES = new Set(['von', 'van', 'de', 'la', 'af', 'du', 'der', 'den']);
const TOKEN = /^[A-ZÆØÅÉÜÖ][a-zæøåéüöäáèA-ZÆØÅ'’.]*(-[A-ZÆØÅa-zæøå][a-zæøåéüöäA-ZÆØÅ'’]*)*$/;

export interface NameParts {
  name: string;
  affiliation: string | null;
  role: string | null;
  /** Offset of the name within the input string. */
  offset: number;
}
/** Common nouns that end a title phrase before a name ("... for Social og Beskæftigelse Henrik B."). */
const NOUN_SUFFIX = /^.{3,}(else|hed|ing|tion|skab|isme|logi|ance|ence|område|væsen)$/i;

function isNameToken(t: string): boolean {
  return TOKEN.test(t) && !ROLE_WORDS.test(t) && !TITLE_SUFFIX.test(t) && t.length > 1 && !NOT_A_NAME_TOKEN.test(t.replace(/\.$/, ''));
}

/** Whether a whole string is a plausible personal name (2-5 capitalised words, no organisation words). */
export function isPersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (ORG_WORD.test(s)) return false;
  let caps = 0;
  for (const t of tokens) {
    if (PARTICLES.has(t)) continue;
    if (!isNameToken(t)) return false;
    caps++;
  }
  return caps >= 2 && !/\d/.test(s) && !/\.$/.test(tokens[tokens.length - 1]);
}

/**
 * The name inside a chunk that may carry a title before it ("Ledende overlæge Anne-Mette Fuglsang"):
 * the run of capitalised words at the end, at most three when a title phrase precedes it.
 */
export function trailingName(chunk: string): { name: string; offset: number } | null {
  const re = /\S+/g;
  const tokens: { t: string; i: number }[] = [];
  for (let m; (m = re.exec(chunk)); ) tokens.push({ t: m[0], i: m.index });
  let end = tokens.length;
  while (end > 0 && /^[,.;:]$/.test(tokens[end - 1].t)) end--;
  let start = end;
  while (start > 0 && (isNameToken(tokens[start - 1].t.replace(/[,.;:]$/, '')) || PARTICLES.has(tokens[start - 1].t))) {
    if (start < end && /[,.;:]$/.test(tokens[start - 1].t)) break;
    start--;
  }
  while (start < end && PARTICLES.has(tokens[start].t)) start++;
  const count = end - start;
  if (count < 2) return null;
  while (end - start > 2 && NOUN_SUFFIX.test(tokens[start].t)) start++;
  const preceded = start > 0;
  if (preceded && count > 3) start = end - 3;
  if (!preceded && count > 4) start = end - 3;
  const name = tokens.slice(start, end).map((x) => x.t).join(' ').replace(/[,.;:]$/, '');
  if (!isPersonName(name)) {
    // "Formand for Det Nære Sundhedsvæsen Pia Buus Pinstrup": drop leading organisation words.
    for (let s = start + 1; end - s >= 2; s++) {
      const shorter = tokens.slice(s, end).map((x) => x.t).join(' ').replace(/[,.;:]$/, '');
      if (isPersonName(shorter)) return { name: shorter, offset: tokens[s].i };
    }
    return null;
  }
  return { name, offset: tokens[start].i };
}

const PARTY = /\(\s*([A-ZÆØÅ]{1,2}|ufp|løsgænger|uden for parti)\s*\)/i;
const BARE_PARTY = /^([A-ZÆØÅ]{1,2}|ufp)$/;
const ATTENDANCE_MARKERS_SPACED = new RegExp(String.raw`\s*${ATTENDANCE_MARKER_SOURCE}`, 'gi');
const SUFFIX_ROLES = 'formand|næstformand|medformand|borgmester|sekretær|referent|mødeleder';
const ROLE_SUFFIX = new RegExp(String.raw`(?:\s*[-–,]\s*|(?<=\))\s+)(${SUFFIX_ROLES})\s*(?=,|$)`, 'i');
const TRAILING_ROLE = new RegExp(String.raw`\s+(?:${SUFFIX_ROLES})\s*$`, 'i');
const EMAIL = /\s*,?\s*\S+@\S+\.[a-z]{2,}/gi;
/** A phone number in an entry ("tlf. 22 33 44 55", "mobil: +45 2233 4455"): contact data, not an affiliation. */
const PHONE = /\s*,?\s*(?:(?:tlf|telefon|mobil|mob|direkte)\.?\s*:?\s*)?(?:\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)/gi;

/**
 * One attendance entry: "Pia Kronborg Lund (A) - formand", "Birgitte Holm Ravn (A), Formand",
 * "Vicedirektør Susanne Kjeldbæk, Regionshospitalet Søhøjlandet", "Jørgen Rørbæk, tilforordnet for ...".
 */
export function parseNameEntry(entry: string): NameParts | null {
  // blanked, not cut out, so that the name's offset still points into the entry
  const blank = (m: string) => ' '.repeat(m.length);
  let text = entry.replace(EMAIL, blank).replace(PHONE, blank);
  const party = PARTY.exec(text);
  let affiliation: string | null = party ? party[1] : null;
  let role: string | null = null;
  // "- formand", ", formand", or after the party letter alone: "Hanne Lund (A) formand"
  const roleSuffix = ROLE_SUFFIX.exec(text);
  if (roleSuffix) role = roleSuffix[1].toLowerCase();
  const chunks: { s: string; i: number }[] = [];
  const re = /[^,]+/g;
  for (let m; (m = re.exec(text)); ) chunks.push({ s: m[0], i: m.index });
  for (let k = 0; k < chunks.length; k++) {
    const raw = chunks[k].s;
    const cleaned = raw.replace(PARTY, ' ').replace(/\s[-–]\s.*$/, '').replace(/\(.*$/, '').replace(/\s*:\s*\S.*$/, '').replace(TRAILING_ROLE, '').trimEnd();
    const lead = cleaned.length - cleaned.trimStart().length;
    const c = cleaned.trim();
    if (!c) continue;
    let found: { name: string; offset: number } | null = null;
    if (isPersonName(c)) found = { name: c, offset: lead };
    else found = trailingName(c);
    if (!found) continue;
    const before = c.slice(0, found.offset - lead).trim();
    if (before && !role) {
      const words = before.split(/\s+/);
      role = ROLE_WORDS.test(words[0]) || ROLE_WORDS.test(before) ? before : before;
    }
    const rest = chunks.slice(k + 1).map((x) => x.s.trim()).filter((x) => x && !CHAIR_ROLE.test(x) && !SUBSTITUTE_ROLE.test(x));
    // an attendance marker ("Varde Kommune (afbud)") is the status, not part of the affiliation
    if (!affiliation && rest.length) affiliation = rest[0].replace(PARTY, '').replace(ATTENDANCE_MARKERS_SPACED, '').trim() || null;
    return { name: found.name, affiliation, role, offset: chunks[k].i + found.offset };
  }
  return null;
}

/**
 * A run-on list on one line: "Bo Libergren, V, Mette Bossen Linnet, V (Fravær), Johannes Lundsfryd,
 * Middelfart Kommune, Knud Erik Langhoff. Kolding Kommune". Affiliation tokens attach to the name
 * before them; markers such as "(Fravær)" too.
 */
export interface ListedName extends NameParts {
  marker: string | null;
}

/**
 * Small bodies write first names only ("Afbud fra Jesper, Marianne, Kjeld Flemming og Niels"). Under an
 * attendance label or cue a list of two or more pieces, each one to three capitalised name words and
 * nothing else, mostly single words, is a list of names.
 */
function givenNameList(pieces: { s: string; i: number }[]): boolean {
  const named = pieces.filter((p) => p.s.trim());
  if (named.length < 2) return false;
  const words = named.map((p) => p.s.replace(/\([^)]*\)/g, ' ').replace(/[.:]$/, '').trim().split(/\s+/));
  const nameWords = words.every((ws) => ws.length <= 3 && ws.every((w) => isNameToken(w) && !ORG_WORD.test(w) && !/\.$/.test(w)));
  // Mostly single words: a lone first name among full names is more likely a name cut off, and one
  // word beside one full name is an affiliation ("Ruth Jensen, LyngbyGuiderne").
  const singles = words.filter((ws) => ws.length === 1).length;
  return nameWords && singles >= 2 && singles * 2 >= words.length;
}

export function parseNameList(text: string, options: { givenNames?: boolean } = {}): ListedName[] {
  const out: ListedName[] = [];
  // Split on commas, semicolons, " og " / " samt ", and a full stop that ends a name before a capital.
  const re = /[^,;]+/g;
  const pieces: { s: string; i: number }[] = [];
  for (let m; (m = re.exec(text)); ) {
    let s = m[0];
    let base = m.index;
    // not after an initial or an abbreviated given name inside a name ("Peder Chr. Kirkegaard", "Niels Ole D. Nielsen")
    const parts = s.split(/\s+(?:og|samt|&)\s+|(?<!(?:^|\s)[A-ZÆØÅ][a-zæøå]{0,2})\.\s+(?=[A-ZÆØÅ])/);
    let cursor = 0;
    for (const part of parts) {
      const at = s.indexOf(part, cursor);
      pieces.push({ s: part, i: base + at });
      cursor = at + part.length;
    }
  }
  const given = options.givenNames === true && givenNameList(pieces);
  for (const piece of pieces) {
    const marker = ATTENDANCE_MARKER.exec(piece.s)?.[1] ?? null;
    const stripped = piece.s.replace(/\([^)]*\)/g, (x) => ' '.repeat(x.length));
    const trimmed = stripped.trim();
    const lead = stripped.length - stripped.trimStart().length;
    const last = out[out.length - 1];
    if (!trimmed) {
      if (marker && last) last.marker = marker;
      continue;
    }
    const party = PARTY.exec(piece.s)?.[1] ?? null;
    if (given || isPersonName(trimmed.replace(/[.:]$/, '').trim())) {
      out.push({ name: trimmed.replace(/[.:]$/, '').replace(/\s+/g, ' ').trim(), affiliation: party, role: null, offset: piece.i + lead, marker });
      continue;
    }
    const tail = trailingName(trimmed);
    if (tail && !ORG_WORD.test(tail.name)) {
      out.push({ name: tail.name.replace(/\s+/g, ' '), affiliation: party, role: trimmed.slice(0, tail.offset).trim() || null, offset: piece.i + lead + tail.offset, marker });
      continue;
    }
    if (last && (BARE_PARTY.test(trimmed) || ORG_WORD.test(trimmed) || trimmed.split(/\s+/).length <= 4)) {
      last.affiliation = last.affiliation ?? trimmed.replace(/[.:]$/, '');
      if (marker) last.marker = marker;
    }
  }
  return out;
}
