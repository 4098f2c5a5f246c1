/** amount-ambiguous: an amount cut out of a longer number is not judged. */
import { expect, test } from 'vitest';
import { check, item, minutes } from '../util.js';

const amounts = (body: string) => check(minutes({ items: [item(1, 'Bolværk', { body })] }), 'amount-ambiguous').map((d) => d.quote);

test('a letter-spaced transcript\'s "kr. 2.6 0 0.0 0 0" is not reported', () => {
  expect(amounts('Der blev givet anlægsbevillinger på henholdsvis kr. 200.000 og kr. 2.6 0 0.0 0 0 til renovering af bolværket.')).toEqual([]);
});
test('"kr. 2.6" on its own is', () => {
  expect(amounts('Der blev givet en anlægsbevilling på kr. 2.6 til renovering af bolværket.')).toEqual(['kr. 2.6']);
});
