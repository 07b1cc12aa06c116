import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src-main/core/embeddings/embedder';
import { dot, emptyModelsRoot } from '../helpers/tiny-model';

/**
 * CAIRN_MODEL_DIR names real weights: either a models folder laid out `<org>/<name>/` (then
 * CAIRN_MODEL_ID picks the model, default Xenova/bge-small-en-v1.5) or one model's own folder.
 */
function realModel(): { root: string; modelId: string } | undefined {
  const dir = process.env['CAIRN_MODEL_DIR'];
  if (dir === undefined || dir.trim() === '') return undefined;
  const path = resolve(dir);
  if (existsSync(resolve(path, 'config.json'))) {
    return { root: dirname(dirname(path)), modelId: `${basename(dirname(path))}/${basename(path)}` };
  }
  return { root: path, modelId: process.env['CAIRN_MODEL_ID'] ?? 'Xenova/bge-small-en-v1.5' };
}

const real = realModel();
const title =
  real === undefined
    ? 'ranks paraphrases above unrelated text (skipped: set CAIRN_MODEL_DIR to a folder with real model weights)'
    : `ranks paraphrases above unrelated text (${real.modelId} from ${real.root})`;

describe('a real embedding model', () => {
  it.skipIf(real === undefined)(
    title,
    async () => {
      const user = emptyModelsRoot();
      const embedder = createEmbedder({ modelId: real!.modelId, modelsDirs: { bundled: real!.root, user: user.root }, allowDownload: false });
      try {
        const status = await embedder.ready();
        expect(status, status.state === 'unavailable' ? status.message : '').toMatchObject({ state: 'ready' });
        const pairs: [string, string][] = [
          ['I need to buy milk and bread', 'pick up groceries from the store'],
          ['call the dentist to book a checkup', 'make an appointment for my teeth'],
          ['the presentation for the client is due friday', 'finish the slides for the customer meeting by the end of the week'],
        ];
        const unrelated = ['my cat sleeps on the windowsill all afternoon', 'the tax return needs last year’s bank statements', 'learn three new chords on the guitar'];
        const texts = [...pairs.flat(), ...unrelated];
        const vectors = await embedder.embed(texts, 'passage');
        for (const vector of vectors) expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 4);
        pairs.forEach((_, index) => {
          const anchor = vectors[index * 2]!;
          const paraphrase = dot(anchor, vectors[index * 2 + 1]!);
          for (let other = 0; other < unrelated.length; other += 1) {
            expect(paraphrase).toBeGreaterThan(dot(anchor, vectors[pairs.length * 2 + other]!));
          }
        });
        const [query] = await embedder.embed(['dentist appointment'], 'query');
        const ranked = vectors.map((vector, index) => ({ index, score: dot(query!, vector) })).sort((a, b) => b.score - a.score);
        expect([2, 3]).toContain(ranked[0]!.index);
      } finally {
        await embedder.dispose();
        user.remove();
      }
    },
    120_000,
  );
});
