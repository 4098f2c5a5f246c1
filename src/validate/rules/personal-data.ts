/**
 * personal-data: personal data that must not be published. CPR numbers ("010203-1234", "0102031234"
 * with a valid date of birth): error. Private e-mail addresses (free-mail domains such as gmail.com,
 * hotmail.*, yahoo.*; work addresses like x@rn.dk are fine): error. Phone numbers of persons (Danish
 * 8-digit numbers with a person's name on the same line or a "tlf."/"mobil" label next to a name):
 * warning.
 */
import type { AnalysisContext } from '../../pipeline.js';
import { isPersonName, trailingName } from '../../extract/names.js';
import type { Finding, Rule } from '../types.js';
import { lineAt } from '../helpers.js';
import { IDENTIFIER_BEFORE, NOT_PHONE_BEFORE } from '../../vocabulary/review.js';
import { MONEY_OR_PERCENT_AFTER } from '../../vocabulary/money.js';

// ---------------------------------------------------------------------------------------------
// CPR

const CPR = /(?<![\p{L}\d.,/:-])(\d{2})(\d{2})(\d{2})(?:([-\u2010\u2011\u2013 ])(\d{4})|(\d{4}))(?![\d\p{L}]|[.,/-]\d)/gu;
const CPR_CUE_BEFORE = /(cpr|cpr-nr|cpr\.?\s*nr|personnummer|personnr|født)\.?\s*:?\s*$/i;

function validBirthDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1];
  if (dd > days) return false;
  if (mm === 2 && dd === 29 && yy % 4 !== 0) return false;
  return true;
}

function findCpr(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(CPR)) {
    const [whole, d, mo, y, sep] = m;
    if (!validBirthDate(Number(d), Number(mo), Number(y))) continue;
    const start = m.index;
    const before = text.slice(Math.max(0, start - 24), start);
    const cue = CPR_CUE_BEFORE.test(before);
    if (!cue && IDENTIFIER_BEFORE.test(before)) continue;
    // Inside a URL, a file name or an e-mail address.
    let a = start;
    while (a > 0 && !/\s/.test(text[a - 1])) a--;
    let b = start + whole.length;
    while (b < text.length && !/\s/.test(text[b])) b++;
    if (/[/\\@]|https?|www\./i.test(text.slice(a, b))) continue;
    // "010203 1234" (a space) only with a CPR cue: otherwise it is more likely two numbers.
    if (sep === ' ' && !cue) continue;
    out.push({
      start,
      end: start + whole.length,
      message: `Teksten indeholder et CPR-nummer (»${whole}«). CPR-numre må ikke offentliggøres: fjern eller anonymisér det før udgivelse.`,
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

function findPrivateMail(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of findAddresses(text)) {
    const address = m.address.replace(/[.,;:]+$/, '');
    const domain = m.domain.replace(/[.,;:]+$/, '');
    if (!isPrivateMailDomain(domain)) continue;
    out.push({
      start: m.start,
      end: m.start + address.length,
      message: `Privat e-mailadresse (»${address}«, ${domain.toLowerCase()}). Private kontaktoplysninger må ikke offentliggøres: fjern adressen, eller brug en arbejdsadresse.`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers of persons

const PHONE = /(?<![\p{L}\d.,/:+-])(?:(\+45|0045)[ \u00a0]?)?([2-9]\d(?:[ \u00a0]?\d{2}){3})(?![\d]|[.,/-]\d)/gu;
const PHONE_LABEL = /(tlf|telefon|mobil|mob|tel|direkte|ring|sms)\.?\s*(nr\.?)?\s*:?\s*$/i;

function personOnLine(ctx: AnalysisContext, lineText: string, names: string[]): boolean {
  if (names.some((n) => lineText.includes(n))) return true;
  const chunks = lineText.split(/[,;:()\t|]|\s[-–]\s/);
  return chunks.some((c) => {
    const t = c.replace(/^[-•·*]\s*/, '').replace(/\S+@\S+/g, '').trim();
    return t.length > 3 && (isPersonName(t) || trailingName(t) != null);
  });
}

function findPhones(ctx: AnalysisContext): Finding[] {
  const { tree, text } = ctx;
  const names = ctx.referat.participants.map((p) => p.name);
  const out: Finding[] = [];
  for (const m of text.matchAll(PHONE)) {
    const [whole, prefix, digits] = m;
    const compact = digits.replace(/\D/g, '');
    if (compact.length !== 8) continue;
    const grouped = /\s/.test(digits);
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (NOT_PHONE_BEFORE.test(before) && !PHONE_LABEL.test(before)) continue;
    const labelled = PHONE_LABEL.test(before);
    // A bare 8-digit run is a phone only with a label or "+45"; grouped "12 34 56 78" reads as one.
    if (!grouped && !labelled && !prefix) continue;
    // Money and dates: "12 34 56 78 kr." is not written; an 8-digit yyyymmdd is a date.
    if (MONEY_OR_PERCENT_AFTER.test(text.slice(m.index + whole.length, m.index + whole.length + 6))) continue;
    if (!grouped && /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(compact)) continue;
    const line = lineAt(tree, m.index);
    if (!personOnLine(ctx, line.text, names)) continue;
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
