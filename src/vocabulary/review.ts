/** What a secretariat checks before publishing: template placeholders (personal data: personal-data.ts). */

/** [indsæt dato], [navn], [XX], [beløb] */
export const PLACEHOLDER_IN_SQUARE_BRACKETS = /\[\s*(?:indsæt|indsaet|udfyld|skriv|tilføj|navn|dato|beløb|belob|tekst|titel|sagsnr|sted|tid|x{2,}|tbd|todo|\?+)[^\]\n]{0,60}\]/giu;

/** <navn>, <dato>, <indsæt …> */
export const PLACEHOLDER_IN_ANGLE_BRACKETS = /<\s*(?:indsæt|udfyld|navn|dato|beløb|tekst|titel|sted|x{2,})[^<>\n:/@]{0,60}>/giu;

/** {{navn}}, {dato} */
export const PLACEHOLDER_IN_CURLY_BRACKETS = /\{\{?\s*(?:navn|dato|beløb|tekst|titel|sted)[^{}\n]{0,40}\}\}?/giu;

/** "den xx. marts" */
export const PLACEHOLDER_DATE_IN_WORDS = /(?<![\p{L}\d])(?:den|d\.)\s+[xX]{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)/giu;

/** "?? kr.", "xx mio. kr." */
export const PLACEHOLDER_AMOUNT = /(?<![\p{L}\d?])(?:\?{2,}|[xX]{1,3}(?:\.[xX]{3})*(?:,[xX]{1,2})?)\s*(?:kr\.?|mio\.?|mia\.?|t\.?\s*kr\.?|DKK|%|pct\.?)(?![\p{L}])/gu;

/** "kr. xx", "DKK ??" */
export const PLACEHOLDER_AMOUNT_AFTER_CURRENCY = /(?<![\p{L}])(?:kr\.|DKK)\s*(?:\?{2,}|[xX]{2,}(?:\.[xX]{3})*)(?![\p{L}\d])/gu;
