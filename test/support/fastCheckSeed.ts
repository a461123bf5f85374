// Property tests in `npm test` run from one seed so that CI is repeatable: a failure there is a
// regression, not a roll of the dice. FC_SEED=random explores new inputs (fast-check prints the
// seed of a failure); FC_SEED=N replays one. docs/parser.md lists what exploring still finds.
import fc from 'fast-check';

const wanted = process.env.FC_SEED;
const seed = wanted === 'random' ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0 : Number(wanted ?? 20261123);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be "random" or an integer, not "${wanted}"`);
fc.configureGlobal({ seed });
