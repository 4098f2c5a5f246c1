/**
 * personal-data: personal data that must not be published.
 * - CPR numbers, graded by how sure the reading is: a CPR cue ("cpr", "personnummer", "født") before a
 *   number with a real date of birth: error. Without a cue: "ddmmyy-ssss" that passes the modulus-11
 *   check: error; ten digits in a row or an odd spelling ("01 01 90-1234", "010190/1234") that passes
 *   it: warning; a 1 January number (the CPR office issues those without modulus 11 since 2007) or one
 *   born after September 2007: warning in the ddmmyy-ssss form; "ddmmyy-ssss" that fails the check:
 *   info. Not CPR numbers: a date that does not exist (the 7th digit and the year give the century),
 *   a birth in the future, a labelled identifier ("Sagsnr.", "Notat", "P-nummer", "Dokument"), a
 *   ddmmyy-hhmm stamp of a recent date.
 * - E-mail addresses, also written "navn(at)gmail.com" or "navn [at] gmail [dot] com": at a free-mail
 *   domain (gmail.com, hotmail.*, ...): error; a name-like local part at a private domain other than a
 *   public body's: warning; function mailboxes (info@, post@) and public bodies' addresses are fine.
 * - Phone numbers of persons (Danish 8-digit numbers with a person's name, or a word for the citizen,
 *   on the same line): warning. Not phone numbers: years ("2021 2022"), numbers with a unit after them
 *   ("30 20 10 50 procent"), organisations' numbers (a switchboard ending in 00, 70/80/90 numbers, a
 *   "hovednummer" label).
 */
import type { AnalysisContext } from '../../pipeline.js';
import { isPersonName, trailingName } from '../../extract/names.js';
import type { Finding, Rule } from '../types.js';
import { lineAt } from '../helpers.js';
import { personMentions } from '../persons.js';
import {
  CPR_CUE_BEFORE, NOT_CPR_BEFORE, NOT_PHONE_BEFORE, PHONE_LABEL_BEFORE, SWITCHBOARD_BEFORE, UNIT_AFTER, CITIZEN_WORD,
  PUBLIC_BODY_DOMAINS, PUBLIC_BODY_DOMAIN_PATTERN, ROLE_MAILBOX, FIRST_NAMES, OBFUSCATED_ADDRESS, OBFUSCATED_DOT,
} from '../../vocabulary/personal-data.js';
import type { Severity } from '../../../schemas/referat.js';

// ---------------------------------------------------------------------------------------------
// CPR

/**
 * Six digits of a date ("010190", "01 01 90"), a separator (none, a space, a dash or a slash, with
 * spaces or a line break around it), four digits.
 */
const CPR = /(?<![\p{L}\d])(?<!\d[.,/:-])(\d{2})( ?)(\d{2})\2(\d{2})([ \t\u00a0]*\n?[ \t\u00a0]*(?:[-\u2010\u2011\u2013/][ \t\u00a0]*\n?[ \t\u00a0]*)?)(\d{4})(?![\d\p{L}]|[.,/-]\d)/gu;

/** The century from the 7th digit and the year (the CPR office's table). */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function dateExists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function mod11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += Number(digits[k]) * weights[k];
  return sum % 11 === 0;
}

export interface CprReading {
  birth: { year: number; month: number; day: number };
  /** Whether the modulus-11 check says anything: not for 1 January dates, nor births after September 2007. */
  mod11Applies: boolean;
  mod11: boolean;
}

/** What ten digits say as a CPR number, or null when their date of birth does not exist or lies ahead. */
export function readCpr(digits: string, today = new Date()): CprReading | null {
  const [day, month, yy, seventh] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)), Number(digits[6])];
  const year = birthYear(yy, seventh);
  if (!dateExists(year, month, day)) return null;
  if (Date.UTC(year, month - 1, day) > today.getTime()) return null;
  const newNumbers = Date.UTC(year, month - 1, day) >= Date.UTC(2007, 9, 1);
  const mod11Applies = !(day === 1 && month === 1) && !newNumbers;
  return { birth: { year, month, day }, mod11Applies, mod11: mod11(digits) };
}

/** "120324-1530": a date of the last quarter-century and a clock time, as file and note stamps are written. */
function isStamp(digits: string, today: Date): boolean {
  const [day, month, yy, hh, mm] = [0, 2, 4, 6, 8].map((k) => Number(digits.slice(k, k + 2)));
  return hh < 24 && mm < 60 && 2000 + yy <= today.getUTCFullYear() && dateExists(2000 + yy, month, day);
}

function findCpr(text: string, today = new Date()): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(CPR)) {
    const [whole, d, dateSpace, mo, y, sep, serial] = m;
    const digits = d + mo + y + serial;
    const reading = readCpr(digits, today);
    if (!reading) continue;
    const start = m.index;
    const before = text.slice(Math.max(0, start - 30), start);
    const cue = CPR_CUE_BEFORE.test(before);
    let severity: Severity | null;
    if (cue) severity = 'error';
    else {
      if (NOT_CPR_BEFORE.test(before)) continue;
      // glued to a word by punctuation ("ID-0101901234", "v2.0101901234"): part of a code
      if (/\p{L}[.:/-]$/u.test(before)) continue;
      // inside a URL, a file name or an e-mail address
      let a = start;
      while (a > 0 && !/\s/.test(text[a - 1])) a--;
      let b = start + whole.length;
      while (b < text.length && !/\s/.test(text[b])) b++;
      if (/[/\\@]|https?|www\./i.test(text.slice(a, b).replace(whole, ''))) continue;
      if (isStamp(digits, today)) continue;
      const dashed = !dateSpace && /^[-\u2010\u2011\u2013]$/.test(sep);
      if (reading.mod11Applies) severity = reading.mod11 ? (dashed ? 'error' : 'warning') : dashed ? 'info' : null;
      else severity = dashed ? 'warning' : null;
    }
    if (!severity) continue;
    const shown = whole.replace(/\s+/g, ' ');
    const how = cue ? '' : reading.mod11Applies && reading.mod11 ? ' (kontrolcifret passer)' : !reading.mod11Applies ? '' : ' (kontrolcifret passer ikke, så det er måske et andet nummer)';
    out.push({
      start,
      end: start + whole.length,
      severity,
      quote: shown,
      message: `Teksten indeholder ${severity === 'error' ? 'et CPR-nummer' : 'måske et CPR-nummer'} (»${shown}«${how}). CPR-numre må ikke offentliggøres: fjern eller anonymisér det før udgivelse.`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail

/**
 * An address: a local part (LOCAL_CHAR) that starts where no such character is before it, "@", a domain.
 * Found from each "@" outwards; a pattern that starts with the local part would be tried at every
 * letter of the text.
 */
const LOCAL_CHAR = /[\p{L}\d._%+-]/u;
const DOMAIN = /[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/uy;

/** Addresses in text order, as the one pattern `(?<![local])[local]+@domain` would find them. */
export function findAddresses(text: string): { start: number; address: string; domain: string }[] {
  const out: { start: number; address: string; domain: string }[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > lastEnd && LOCAL_CHAR.test(text[start - 1])) start--;
    if (start === at) continue;
    // the local part would run on into the previous address: no address starts here
    if (start === lastEnd && start > 0 && LOCAL_CHAR.test(text[start - 1])) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    lastEnd = at + 1 + domain[0].length;
    out.push({ start, address: text.slice(start, lastEnd), domain: domain[0] });
  }
  return out;
}
/** Free-mail and private ISP domains: exact names, or a provider name with any country ending. */
const PRIVATE_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'msn.com', 'mail.com', 'email.com', 'gmx.com', 'gmx.net',
  'protonmail.com', 'proton.me', 'pm.me', 'tutanota.com', 'zoho.com', 'ymail.com', 'rocketmail.com', 'fastmail.com',
  'mail.dk', 'jubii.dk', 'ofir.dk', 'email.dk', 'sol.dk', 'post.tele.dk', 'mail.tele.dk', 'tdcadsl.dk', 'youmail.dk', 'privat.dk',
  'stofanet.dk', 'get2net.dk', 'webspeed.dk', 'city.dk', 'yousee.dk', 'youseepost.dk', 'fibermail.dk', 'live.dk', 'hotmail.dk', 'outlook.dk',
]);
const PRIVATE_PROVIDER = /^(gmail|hotmail|yahoo|outlook|live|windowslive|icloud|gmx|yandex|protonmail|mail)\.[a-z]{2,3}(\.[a-z]{2})?$/i;

export function isPrivateMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return PRIVATE_DOMAINS.has(d) || PRIVATE_PROVIDER.test(d);
}

/** A public body's domain (or a subdomain of one): addresses there are work addresses. */
export function isPublicBodyDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  if (PUBLIC_BODY_DOMAIN_PATTERN.test(d)) return true;
  const labels = d.split('.');
  for (let k = 0; k < labels.length - 1; k++) if (PUBLIC_BODY_DOMAINS.has(labels.slice(k).join('.'))) return true;
  return false;
}

const ASCII_OF: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', é: 'e', ü: 'u', ö: 'o', ä: 'a' };

/** "anne.hansen", "j.hansen", "mette", "jensolsen": a local part that names a person, not a function. */
export function nameLikeLocalPart(local: string): boolean {
  const l = local.toLowerCase();
  if (ROLE_MAILBOX.test(l)) return false;
  const parts = l.split(/[._-]+/).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => /^\p{L}+$/u.test(p)) && parts.some((p) => p.length >= 3)) return true;
  const firstNames = [...FIRST_NAMES];
  const plain = (w: string) => w.replace(/[æøåéüöä]/g, (c) => ASCII_OF[c]);
  return parts.some((p) => {
    const letters = p.replace(/\d+$/, '');
    if (!/^\p{L}+$/u.test(letters)) return false;
    return FIRST_NAMES.has(letters) || firstNames.some((n) => n.length >= 4 && (letters.startsWith(n) || letters.startsWith(plain(n))));
  });
}


function mailFinding(start: number, written: string, local: string, domain: string): Finding | null {
  const d = domain.toLowerCase();
  if (isPrivateMailDomain(d)) {
    return {
      start,
      end: start + written.length,
      message: `Privat e-mailadresse (»${written}«, ${d}). Private kontaktoplysninger må ikke offentliggøres: fjern adressen, eller brug en arbejdsadresse.`,
    };
  }
  if (isPublicBodyDomain(d) || !nameLikeLocalPart(local)) return null;
  return {
    start,
    end: start + written.length,
    severity: 'warning',
    message: `E-mailadresse med en persons navn ved et privat domæne (»${written}«, ${d}). Er det en privatperson, må adressen ikke offentliggøres: fjern den, eller brug en funktionsadresse.`,
  };
}

function findPrivateMail(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of findAddresses(text)) {
    const address = m.address.replace(/[.,;:]+$/, '');
    const domain = m.domain.replace(/[.,;:]+$/, '');
    const f = mailFinding(m.start, address, address.slice(0, address.indexOf('@')), domain);
    if (f) out.push(f);
  }
  for (const m of text.matchAll(OBFUSCATED_ADDRESS)) {
    const written = m[0].replace(/[.,;:]+$/, '');
    const domain = m[2].replace(OBFUSCATED_DOT, '.').replace(/\s+/g, '').replace(/[.,;:]+$/, '');
    if (!/\.[\p{L}]{2,}$/u.test(domain)) continue;
    const f = mailFinding(m.index, written, m[1], domain);
    if (f) out.push(f);
  }
  return out.sort((x, y) => x.start! - y.start!);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers of persons

/** Eight digits: "23456789", "23 45 67 89", "2345 6789", "23-45-67-89". */
const PHONE = /(?<![\p{L}\d.,/:+-])(?:(\+45|0045)[ \u00a0]?)?([2-9]\d(?:[ \u00a0-]?\d{2}){3})(?![\d]|[.,/-]\d)/gu;
const YEAR = /^(19|20)\d{2}$/;

/** How the digits are grouped: "2-2-2-2", "4-4", "8", or null for a mixture ("23 4567 89"). */
function grouping(digits: string): '2222' | '44' | '8' | null {
  const groups = digits.split(/[ \u00a0-]/);
  const separators = new Set(digits.replace(/\d/g, ''));
  if (groups.length === 1) return '8';
  if (groups.length === 4 && groups.every((g) => g.length === 2) && separators.size === 1) return '2222';
  if (groups.length === 2 && groups[0].length === 4 && !separators.has('-')) return '44';
  return null;
}

function personOnLine(lineText: string, names: string[], mentioned: boolean): boolean {
  if (mentioned || names.some((n) => lineText.includes(n))) return true;
  if (CITIZEN_WORD.test(lineText)) return true;
  const chunks = lineText.split(/[,;:()\t|]|\s[-–]\s/);
  return chunks.some((c) => {
    const t = c.replace(/^[-•·*]\s*/, '').replace(/\S+@\S+/g, '').trim();
    return t.length > 3 && (isPersonName(t) || trailingName(t) != null);
  });
}

function findPhones(ctx: AnalysisContext): Finding[] {
  const { tree, text } = ctx;
  const names = ctx.referat.participants.map((p) => p.name);
  const mentions = personMentions(ctx);
  const out: Finding[] = [];
  for (const m of text.matchAll(PHONE)) {
    const [whole, prefix, digits] = m;
    const compact = digits.replace(/\D/g, '');
    if (compact.length !== 8) continue;
    const shape = grouping(digits);
    if (!shape) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const labelled = PHONE_LABEL_BEFORE.test(before);
    if (NOT_PHONE_BEFORE.test(before) && !labelled) continue;
    // A bare 8-digit run is a phone only with a label or "+45"; grouped "12 34 56 78" reads as one.
    if (shape === '8' && !labelled && !prefix) continue;
    // "2021 2022": two years
    if (shape === '44' && YEAR.test(compact.slice(0, 4)) && YEAR.test(compact.slice(4))) continue;
    // "30 20 10 50 procent", "12 34 56 78 kr."
    if (UNIT_AFTER.test(text.slice(m.index + whole.length, m.index + whole.length + 10))) continue;
    if (shape === '8' && /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(compact)) continue;
    // An organisation's number: a switchboard ("hovednummer", a number ending in 00) or a 70/80/90 service number.
    const mobile = /(mobil|mob|sms)\.?\s*(nr\.?)?\s*:?\s*$/i.test(before);
    if (SWITCHBOARD_BEFORE.test(before) || /^[789]0/.test(compact) || (compact.endsWith('00') && !mobile)) continue;
    const line = lineAt(tree, m.index);
    const mentioned = mentions.some((p) => p.start >= line.start && p.end <= line.end);
    if (!personOnLine(line.text, names, mentioned)) continue;
    out.push({
      start: m.index,
      end: m.index + whole.length,
      severity: 'warning',
      message: `Telefonnummer ved en persons navn (»${whole.trim()}«). Private telefonnumre må ikke offentliggøres: fjern nummeret, medmindre det er et arbejdsnummer, der må stå.`,
    });
  }
  return out;
}

export const personalData: Rule = {
  meta: { id: 'personal-data', type: 'problem', defaultSeverity: 'error', description: 'Referatet må ikke indeholde CPR-numre, private e-mailadresser eller personers telefonnumre.' },
  check(ctx, report) {
    const text = ctx.text;
    for (const f of [...findCpr(text), ...findPrivateMail(text), ...findPhones(ctx)]) report(f);
  },
};
