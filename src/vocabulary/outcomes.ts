/** Decision outcomes: the verdicts of a decision text (godkendt, taget til efterretning, udsat …). */
import type { Outcome } from '../../schemas/referat.js';

/** Items that hold no case: the attendance list, the signature sheet. */
export const NO_CASE_ITEM = /^(deltagere|mødedeltagere|tilstede|til stede|fremmødte|fraværende|fravær|afbud|afbud\/fraværende|underskrift(er|sark|sside|sblad)?)\b/i;

export const WRITTEN_ORIENTATION = /\b(skriftlig(e)?\s+orientering(er)?|meddelelse(r)?|gensidig\s+orientering)\b/i;

export const CLOSED_ONLY = /^\s*(lukket(\s+punkt|\s+sag)?|behandlet\s+for\s+lukkede\s+døre)\.?\s*$/i;

/** Outcome vocabulary, checked in this order within a sentence: the specific verdicts before the general ones. */
export const OUTCOMES: { outcome: Outcome; re: RegExp }[] = [
  { outcome: 'returned', re: /\b(sendes|sendt|blev\s+sendt|sende\w*)\s+(\w+\s+){0,6}(tilbage|retur)\b|\btilbagesend\w*|\b(tilbage|retur)\s+til\s+(forvaltningen|administrationen|projektgruppen|udvalget|sekretariatet)\b/i },
  { outcome: 'postponed', re: /\b(udsat|udsættes|udsætte|udskudt|udskydes|genoptages|tages\s+op\s+(igen\s+)?på\s+(et\s+)?(senere|næste|kommende)\s+møde)\b/i },
  { outcome: 'rejected', re: /\b(ikke\s+godkendt|blev\s+ikke\s+godkendt|ikke\s+vedtaget|kunne\s+ikke\s+godkendes|afvist|afvises|afslag|forkastet|forkastes|nedstemt|stemt\s+ned|kan\s+ikke\s+(godkende|anbefale|tiltræde)|ikke\s+tiltrådt|faldt)\b/i },
  { outcome: 'approved', re: /\b(godkend\w*|tiltrådt|tiltræde\w*|vedtaget|vedtog|anbefale[rst]?\b|anbefalede|indstillingen\s+(blev\s+)?fulgt|bevilget|bevilgede|besluttede|beslutter|blev\s+besluttet|indstilles\s+til\s+godkendelse)/i },
  { outcome: 'noted', re: /\b(til\s+efterretning|taget\s+til\s+orientering|til\s+orientering|orienteringen\s+blev|blev\s+orienteret|noteret|intet\s+at\s+bemærke|intet\b)/i },
  { outcome: 'discussed', re: /\b(drøftet|drøftede|drøftelse|diskuteret|diskuterede|debatteret)\b/i },
];

/**
 * A sentence that records a minority or a vote ("Et mindretal (Ø) stemte imod", "X (O) kunne ikke
 * anbefale", "Ø kan ikke godkende"): not the body's decision.
 */
export const MINORITY = /\bmindretal|\bstemte\s+imod|\btog\s+forbehold|\([A-ZÆØÅ]{1,2}(,\s*[A-ZÆØÅ]{1,2})*\)|^\s*[A-ZÆØÅ]{1,2}\s+(kan|kunne|ønsker|ønskede)\s+ikke\b/;

/**
 * The line that says who decided and when, under a decision heading ("Kultur- og Demokratiudvalget,
 * 03.09.2018", "Byrådet den 20.09.2016:"): the heading's, not the decision's text.
 */
export const DECISION_ATTRIBUTION = /^(?:[A-ZÆØÅ][\wæøå]*(?:-[\wæøå]+)*-?(?:\s+(?:og|for|i|[A-ZÆØÅ][\wæøå]*(?:-[\wæøå]+)*)){0,5})\s*(?:,\s*|\s+den\s+|\s+d\.\s*)(?:\d{1,2}[.\-/]\d{1,2}[.\-/](?:\d{4}|\d{2})|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})\s*:?(?:\s+|$)/;
