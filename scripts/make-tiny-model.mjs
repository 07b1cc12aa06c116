// Generates, from scratch and deterministically, a tiny BERT-architecture ONNX model and a
// matching WordPiece tokenizer, laid out for transformers.js local loading:
//   <outDir>/cairn-test/tiny-bert/{config.json, tokenizer.json, …, onnx/model.onnx}
// Tests run the real embedding pipeline (tokenizer → ONNX Runtime → pooling) on it, offline.
// Usage: node scripts/make-tiny-model.mjs <outDir>
//
// The ONNX protobuf is encoded by hand (the handful of message types below); weights come from a
// seeded PRNG. The word embeddings dominate and attention is close to uniform, so a sentence's
// vector is roughly the mean of its words' vectors: texts that share words end up closer than
// texts that share none, which is all the tests need from "meaning".
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TINY_MODEL_ID = 'cairn-test/tiny-bert';
export const TINY_MODEL_REVISION = 'tiny-1';
/** Added to queries (kind 'query'), so tests can observe the prefix. */
export const TINY_QUERY_PREFIX = 'query: ';

const DEFAULTS = { hidden: 64, layers: 2, heads: 4, intermediate: 128, maxPositions: 128, seed: 20260301 };

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const PUNCTUATION = [...'.,!?;:\'"()-/&#@%+*=<>[]{}_$'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const DIGITS = [...'0123456789'];
const SUFFIXES = ['s', 'es', 'ed', 'ing', 'ly', 'er', 'est', 'tion', 'ment', 'ness', 'ful', 'able'];
const WORDS = `
the a an and or but if then so because to of in on at by for with from about into over under
after before during between without again also just only very really more most less some any
all each every no not yes never always often sometimes maybe
i me my mine you your we us our they them their he him his she her it its this that these those
there here what which who when where why how
is are was were be been being am have has had do does did will would can could should must
may might shall need needs want wants like likes get got go goes went make made take took
see saw know knew think thought feel felt say said tell told ask asked find found give gave
buy bought pay paid call called send sent write wrote read start started finish finished
try tried keep kept let put run ran walk walked work worked play played learn learned
remember forgot plan planned book booked fix fixed clean cleaned cook cooked
today tomorrow yesterday tonight morning afternoon evening night week weekend month year
monday tuesday wednesday thursday friday saturday sunday soon later now early late time
milk eggs bread butter cheese coffee tea sugar salt rice pasta apples bananas vegetables
groceries grocery store shop shopping supermarket market dinner lunch breakfast food kitchen
meeting project deadline report email emails boss team client clients presentation slides
office manager review budget invoice contract proposal schedule agenda notes task tasks
doctor dentist appointment gym exercise running sleep tired health medicine headache
home house garden plants water laundry dishes room bed car bike train bus flight trip
family mom dad mother father sister brother friend friends kids children dog cat birthday
gift party holiday vacation travel hotel ticket tickets
idea ideas question questions goal goals habit habits journal feeling happy sad anxious
calm stressed excited grateful focus focused distracted busy
money rent bills bank savings tax taxes price cheap expensive
book books movie music song guitar piano art paint painting photo photos
phone computer laptop code bug bugs app software server database search model
new old big small good bad great better best first last next other same different
important urgent quick slow easy hard long short
represent sentence sentences searching relevant passages passage query queries
`;

/** Everything the model folder holds, as path → bytes, plus what tests need to know about it. */
export function buildTinyModelFiles(options = {}) {
  const settings = { ...DEFAULTS, ...options };
  if (settings.hidden % settings.heads !== 0) throw new Error('hidden must be a multiple of heads');
  const vocab = buildVocabulary();
  // A larger table serves another tokenizer's ids (the bench pairs it with the real MiniLM one).
  const vocabSize = Math.max(vocab.length, settings.vocabSize ?? 0);
  const onnx = buildOnnxModel(settings, vocabSize, false);
  const files = new Map();
  const json = (value) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  files.set('config.json', json(modelConfig(settings, vocabSize)));
  files.set('tokenizer.json', json(tokenizerJson(vocab)));
  files.set('tokenizer_config.json', json(tokenizerConfig(settings)));
  files.set('special_tokens_map.json', json(specialTokensMap()));
  files.set(
    'cairn-model.json',
    json({ pooling: 'mean', normalize: true, queryPrefix: TINY_QUERY_PREFIX, dtype: 'q8', revision: TINY_MODEL_REVISION, maxTokens: settings.maxPositions }),
  );
  files.set('onnx/model.onnx', onnx);
  // transformers.js picks the file by dtype only (q8 → model_quantized.onnx) and never checks that
  // it holds int8 weights, so by default the quantized file is the same float graph. With
  // `quantize`, it holds the same weights in int8, run as onnxruntime's dynamic quantization runs
  // them (DynamicQuantizeLinear → MatMulInteger), so its speed is that of a real q8 model.
  files.set('onnx/model_quantized.onnx', settings.quantize === true ? buildOnnxModel(settings, vocabSize, true) : onnx);
  const manifest = {
    modelId: TINY_MODEL_ID,
    revision: TINY_MODEL_REVISION,
    files: Object.fromEntries(
      [...files].map(([path, bytes]) => [path, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }]),
    ),
  };
  files.set('cairn-manifest.json', json(manifest));
  return { modelId: TINY_MODEL_ID, revision: TINY_MODEL_REVISION, dimension: settings.hidden, maxTokens: settings.maxPositions, files, manifest };
}

/**
 * Writes the tiny model under `<outDir>/cairn-test/tiny-bert`. The folder appears whole or not at
 * all (written beside it, then renamed), so concurrent test processes never see half a model.
 */
export function makeTinyModel(outDir, options = {}) {
  const built = buildTinyModelFiles(options);
  const root = resolve(outDir);
  const dir = join(root, ...TINY_MODEL_ID.split('/'));
  const staging = `${dir}.partial-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (const [path, bytes] of built.files) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    writeFileSync(join(staging, path), bytes);
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (error?.code !== 'ENOTEMPTY' && error?.code !== 'EEXIST') throw error;
    if (readManifestText(dir) === built.files.get('cairn-manifest.json').toString()) {
      // Another process put the identical model there first.
      rmSync(staging, { recursive: true, force: true });
    } else {
      // A model from an older generator: swap it out, leaving no moment without a whole folder
      // but the one between the two renames.
      const aside = `${staging}-old`;
      renameSync(dir, aside);
      renameSync(staging, dir);
      rmSync(aside, { recursive: true, force: true });
    }
  }
  return { modelId: built.modelId, revision: built.revision, dimension: built.dimension, maxTokens: built.maxTokens, root, dir, manifest: built.manifest };
}

function readManifestText(dir) {
  try {
    return readFileSync(join(dir, 'cairn-manifest.json'), 'utf8');
  } catch {
    return undefined;
  }
}

function buildVocabulary() {
  const seen = new Set();
  const vocab = [];
  const add = (token) => {
    if (!seen.has(token)) {
      seen.add(token);
      vocab.push(token);
    }
  };
  [...SPECIAL_TOKENS, ...PUNCTUATION, ...DIGITS, ...LETTERS].forEach(add);
  [...DIGITS, ...LETTERS, ...SUFFIXES].forEach((piece) => add(`##${piece}`));
  WORDS.split(/\s+/).filter(Boolean).forEach(add);
  return vocab;
}

function modelConfig(settings, vocabSize) {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_act: 'gelu',
    hidden_size: settings.hidden,
    intermediate_size: settings.intermediate,
    layer_norm_eps: 1e-12,
    max_position_embeddings: settings.maxPositions,
    num_attention_heads: settings.heads,
    num_hidden_layers: settings.layers,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    type_vocab_size: 2,
    vocab_size: vocabSize,
  };
}

function tokenizerJson(vocab) {
  const id = (token) => vocab.indexOf(token);
  const special = (token) => ({ id: id(token), content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, index) => [token, index])),
    },
  };
}

function tokenizerConfig(settings) {
  return {
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    do_lower_case: true,
    mask_token: '[MASK]',
    model_max_length: settings.maxPositions,
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: '[UNK]',
  };
}

function specialTokensMap() {
  return { cls_token: '[CLS]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: '[UNK]' };
}

// ---------------------------------------------------------------------------------------------
// Weights

/** mulberry32: tiny, seedable, the same numbers on every machine. */
function createRandom(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return {
    normals(count, std) {
      const values = new Float32Array(count);
      for (let index = 0; index < count; index += 1) values[index] = normal() * std;
      return values;
    },
  };
}

function filled(count, value) {
  return new Float32Array(count).fill(value);
}

/** `scale`·I plus a little noise: lets a sequence's average flow through attention. */
function nearIdentity(random, size, scale, noise) {
  const values = random.normals(size * size, noise);
  for (let index = 0; index < size; index += 1) values[index * size + index] += scale;
  return values;
}

// ---------------------------------------------------------------------------------------------
// The graph: embeddings → LayerNorm → N × (self-attention honouring attention_mask, GELU FFN).

function buildOnnxModel(settings, vocabSize, quantize) {
  const { hidden: H, heads, intermediate: F, maxPositions: P, layers } = settings;
  const headSize = H / heads;
  const random = createRandom(settings.seed);
  const graph = createGraph();

  graph.initializer('embeddings.word', [vocabSize, H], random.normals(vocabSize * H, 1));
  graph.initializer('embeddings.position', [P, H], random.normals(P * H, 0.02));
  graph.initializer('embeddings.token_type', [2, H], random.normals(2 * H, 0.02));
  graph.initializer('embeddings.norm.weight', [H], filled(H, 1));
  graph.initializer('embeddings.norm.bias', [H], filled(H, 0));
  graph.initializer('const.zero', [], new BigInt64Array([0n]));
  graph.initializer('const.one', [], new BigInt64Array([1n]));
  graph.initializer('const.mask_axes', [2], new BigInt64Array([1n, 2n]));
  graph.initializer('const.heads_shape', [4], new BigInt64Array([0n, 0n, BigInt(heads), BigInt(headSize)]));
  graph.initializer('const.hidden_shape', [3], new BigInt64Array([0n, 0n, BigInt(H)]));
  graph.initializer('const.one_f', [], new Float32Array([1]));
  graph.initializer('const.mask_value', [], new Float32Array([-10000]));
  graph.initializer('const.scale', [], new Float32Array([1 / Math.sqrt(headSize)]));
  graph.initializer('const.half', [], new Float32Array([0.5]));
  graph.initializer('const.sqrt2', [], new Float32Array([Math.SQRT2]));

  // Positions 0..seq-1 from the input's own shape.
  graph.node('Shape', ['input_ids'], ['ids_shape']);
  graph.node('Gather', ['ids_shape', 'const.one'], ['seq_len'], { axis: 0 });
  graph.node('Range', ['const.zero', 'seq_len', 'const.one'], ['position_ids']);
  graph.node('Gather', ['embeddings.word', 'input_ids'], ['word_vectors'], { axis: 0 });
  graph.node('Gather', ['embeddings.position', 'position_ids'], ['position_vectors'], { axis: 0 });
  graph.node('Gather', ['embeddings.token_type', 'token_type_ids'], ['type_vectors'], { axis: 0 });
  graph.node('Add', ['word_vectors', 'position_vectors'], ['embedded_a']);
  graph.node('Add', ['embedded_a', 'type_vectors'], ['embedded_b']);
  graph.node('LayerNormalization', ['embedded_b', 'embeddings.norm.weight', 'embeddings.norm.bias'], ['hidden_0'], { axis: -1, epsilon: 1e-12 });

  // attention_mask → additive mask [batch, 1, 1, seq]: 0 for tokens, -10000 for padding, so
  // padded keys get exactly zero weight after softmax and cannot change a sequence's output.
  graph.node('Cast', ['attention_mask'], ['mask_float'], { to: DATA_TYPE.float });
  graph.node('Sub', ['const.one_f', 'mask_float'], ['mask_inverted']);
  graph.node('Mul', ['mask_inverted', 'const.mask_value'], ['mask_additive']);
  graph.node('Unsqueeze', ['mask_additive', 'const.mask_axes'], ['mask_extended']);

  let input = 'hidden_0';
  for (let layer = 0; layer < layers; layer += 1) {
    const p = `layer${layer}`;
    graph.initializer(`${p}.query.weight`, [H, H], random.normals(H * H, 0.02));
    graph.initializer(`${p}.query.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.key.weight`, [H, H], random.normals(H * H, 0.02));
    graph.initializer(`${p}.key.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.value.weight`, [H, H], nearIdentity(random, H, 1, 0.02));
    graph.initializer(`${p}.value.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.output.weight`, [H, H], nearIdentity(random, H, 1, 0.02));
    graph.initializer(`${p}.output.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.attention_norm.weight`, [H], filled(H, 1));
    graph.initializer(`${p}.attention_norm.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.ffn_in.weight`, [H, F], random.normals(H * F, 0.05));
    graph.initializer(`${p}.ffn_in.bias`, [F], filled(F, 0));
    graph.initializer(`${p}.ffn_out.weight`, [F, H], random.normals(F * H, 0.05));
    graph.initializer(`${p}.ffn_out.bias`, [H], filled(H, 0));
    graph.initializer(`${p}.ffn_norm.weight`, [H], filled(H, 1));
    graph.initializer(`${p}.ffn_norm.bias`, [H], filled(H, 0));

    const linear = (source, name, out) => {
      if (quantize) quantizedMatMul(graph, source, `${p}.${name}.weight`, `${out}_mm`);
      else graph.node('MatMul', [source, `${p}.${name}.weight`], [`${out}_mm`]);
      graph.node('Add', [`${out}_mm`, `${p}.${name}.bias`], [out]);
    };
    linear(input, 'query', `${p}_q`);
    linear(input, 'key', `${p}_k`);
    linear(input, 'value', `${p}_v`);
    for (const part of ['q', 'k', 'v']) graph.node('Reshape', [`${p}_${part}`, 'const.heads_shape'], [`${p}_${part}_heads`]);
    graph.node('Transpose', [`${p}_q_heads`], [`${p}_q_t`], { perm: [0, 2, 1, 3] });
    graph.node('Transpose', [`${p}_k_heads`], [`${p}_k_t`], { perm: [0, 2, 3, 1] });
    graph.node('Transpose', [`${p}_v_heads`], [`${p}_v_t`], { perm: [0, 2, 1, 3] });
    graph.node('MatMul', [`${p}_q_t`, `${p}_k_t`], [`${p}_scores`]);
    graph.node('Mul', [`${p}_scores`, 'const.scale'], [`${p}_scores_scaled`]);
    graph.node('Add', [`${p}_scores_scaled`, 'mask_extended'], [`${p}_scores_masked`]);
    graph.node('Softmax', [`${p}_scores_masked`], [`${p}_probs`], { axis: -1 });
    graph.node('MatMul', [`${p}_probs`, `${p}_v_t`], [`${p}_context`]);
    graph.node('Transpose', [`${p}_context`], [`${p}_context_t`], { perm: [0, 2, 1, 3] });
    graph.node('Reshape', [`${p}_context_t`, 'const.hidden_shape'], [`${p}_context_merged`]);
    linear(`${p}_context_merged`, 'output', `${p}_attention`);
    graph.node('Add', [input, `${p}_attention`], [`${p}_attention_residual`]);
    graph.node('LayerNormalization', [`${p}_attention_residual`, `${p}.attention_norm.weight`, `${p}.attention_norm.bias`], [`${p}_attended`], {
      axis: -1,
      epsilon: 1e-12,
    });
    // GELU, the exact (erf) form BERT uses.
    linear(`${p}_attended`, 'ffn_in', `${p}_ffn_pre`);
    graph.node('Div', [`${p}_ffn_pre`, 'const.sqrt2'], [`${p}_gelu_scaled`]);
    graph.node('Erf', [`${p}_gelu_scaled`], [`${p}_gelu_erf`]);
    graph.node('Add', [`${p}_gelu_erf`, 'const.one_f'], [`${p}_gelu_plus`]);
    graph.node('Mul', [`${p}_ffn_pre`, `${p}_gelu_plus`], [`${p}_gelu_product`]);
    graph.node('Mul', [`${p}_gelu_product`, 'const.half'], [`${p}_gelu`]);
    linear(`${p}_gelu`, 'ffn_out', `${p}_ffn`);
    graph.node('Add', [`${p}_attended`, `${p}_ffn`], [`${p}_ffn_residual`]);
    const output = layer === layers - 1 ? 'last_hidden_state' : `${p}_out`;
    graph.node('LayerNormalization', [`${p}_ffn_residual`, `${p}.ffn_norm.weight`, `${p}.ffn_norm.bias`], [output], { axis: -1, epsilon: 1e-12 });
    input = output;
  }

  const dynamic = ['batch_size', 'sequence_length'];
  return graph.encode({
    inputs: [
      { name: 'input_ids', type: DATA_TYPE.int64, shape: dynamic },
      { name: 'attention_mask', type: DATA_TYPE.int64, shape: dynamic },
      { name: 'token_type_ids', type: DATA_TYPE.int64, shape: dynamic },
    ],
    outputs: [{ name: 'last_hidden_state', type: DATA_TYPE.float, shape: [...dynamic, H] }],
  });
}

/**
 * `source × weight` as onnxruntime's dynamic int8 quantization writes it: the activations are
 * quantized per call (uint8), the weights once (int8, symmetric, one scale per tensor), the
 * integer product is scaled back to float.
 */
function quantizedMatMul(graph, source, weight, out) {
  const { dims, values } = graph.take(weight);
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  const scale = largest === 0 ? 1 : largest / 127;
  const quantized = new Int8Array(values.length);
  for (let index = 0; index < values.length; index += 1) quantized[index] = Math.max(-127, Math.min(127, Math.round(values[index] / scale)));
  graph.initializer(`${weight}_quantized`, dims, quantized);
  graph.initializer(`${weight}_scale`, [], new Float32Array([scale]));
  graph.initializer(`${weight}_zero_point`, [], new Int8Array([0]));
  graph.node('DynamicQuantizeLinear', [source], [`${out}_q`, `${out}_q_scale`, `${out}_q_zero_point`]);
  graph.node('MatMulInteger', [`${out}_q`, `${weight}_quantized`, `${out}_q_zero_point`, `${weight}_zero_point`], [`${out}_int`]);
  graph.node('Cast', [`${out}_int`], [`${out}_float`], { to: DATA_TYPE.float });
  graph.node('Mul', [`${out}_q_scale`, `${weight}_scale`], [`${out}_scale`]);
  graph.node('Mul', [`${out}_float`, `${out}_scale`], [out]);
}

// ---------------------------------------------------------------------------------------------
// ONNX protobuf, by hand. Field numbers from onnx/onnx.proto (IR version 8, opset 17).

const DATA_TYPE = { float: 1, int8: 3, int64: 7 };
const ATTRIBUTE_TYPE = { float: 1, int: 2, ints: 7 };
const IR_VERSION = 8;
const OPSET = 17;

function createGraph() {
  const nodes = [];
  const initializers = [];
  /** Float weights not yet encoded, so a quantized graph can take them back. */
  const pending = new Map();
  const encodeTensor = (name, dims, values) => {
    const type = values instanceof BigInt64Array ? DATA_TYPE.int64 : values instanceof Int8Array ? DATA_TYPE.int8 : DATA_TYPE.float;
    const raw = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    return message([...dims.map((dim) => varintField(1, dim)), varintField(2, type), stringField(8, name), bytesField(9, raw)]);
  };
  return {
    initializer(name, dims, values) {
      const at = initializers.length;
      initializers.push(undefined);
      pending.set(name, { at, dims, values });
    },
    /** Removes an initializer and returns its values (it was replaced by another form). */
    take(name) {
      const entry = pending.get(name);
      if (entry === undefined) throw new Error(`no initializer ${name}`);
      pending.delete(name);
      initializers[entry.at] = null;
      return entry;
    },
    node(op, inputs, outputs, attributes = {}) {
      const name = `${op}_${nodes.length}`;
      nodes.push(
        message([
          ...inputs.map((input) => stringField(1, input)),
          ...outputs.map((output) => stringField(2, output)),
          stringField(3, name),
          stringField(4, op),
          ...Object.entries(attributes).map(([key, value]) => bytesField(5, attribute(key, value))),
        ]),
      );
    },
    encode({ inputs, outputs }) {
      for (const [name, { at, dims, values }] of pending) initializers[at] = encodeTensor(name, dims, values);
      const graph = message([
        ...nodes.map((node) => bytesField(1, node)),
        stringField(2, 'tiny-bert'),
        ...initializers.filter((tensor) => tensor !== null).map((tensor) => bytesField(5, tensor)),
        ...inputs.map((value) => bytesField(11, valueInfo(value))),
        ...outputs.map((value) => bytesField(12, valueInfo(value))),
      ]);
      const opset = message([stringField(1, ''), varintField(2, OPSET)]);
      return message([varintField(1, IR_VERSION), stringField(2, 'cairn make-tiny-model'), bytesField(7, graph), bytesField(8, opset)]);
    },
  };
}

function attribute(name, value) {
  if (Array.isArray(value)) {
    return message([stringField(1, name), ...value.map((item) => varintField(8, item)), varintField(20, ATTRIBUTE_TYPE.ints)]);
  }
  if (Number.isInteger(value)) return message([stringField(1, name), varintField(3, value), varintField(20, ATTRIBUTE_TYPE.int)]);
  const float = Buffer.alloc(4);
  float.writeFloatLE(value);
  return message([stringField(1, name), Buffer.concat([key(2, 5), float]), varintField(20, ATTRIBUTE_TYPE.float)]);
}

function valueInfo({ name, type, shape }) {
  const dims = shape.map((dim) => bytesField(1, typeof dim === 'number' ? message([varintField(1, dim)]) : message([stringField(2, dim)])));
  const tensorType = message([varintField(1, type), bytesField(2, message(dims))]);
  return message([stringField(1, name), bytesField(2, message([bytesField(1, tensorType)]))]);
}

function message(fields) {
  return Buffer.concat(fields);
}

function key(field, wireType) {
  return varint(BigInt((field << 3) | wireType));
}

/** int64 fields: negatives are ten-byte two's complement varints. */
function varint(value) {
  let remaining = BigInt.asUintN(64, BigInt(value));
  const bytes = [];
  do {
    let byte = Number(remaining & 0x7fn);
    remaining >>= 7n;
    if (remaining !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (remaining !== 0n);
  return Buffer.from(bytes);
}

function varintField(field, value) {
  return Buffer.concat([key(field, 0), varint(value)]);
}

function bytesField(field, bytes) {
  return Buffer.concat([key(field, 2), varint(bytes.length), bytes]);
}

function stringField(field, text) {
  return bytesField(field, Buffer.from(text, 'utf8'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2];
  if (outDir === undefined) {
    console.error('Usage: node scripts/make-tiny-model.mjs <outDir>');
    process.exit(2);
  }
  const started = performance.now();
  const made = makeTinyModel(outDir);
  console.log(`${made.modelId} (${made.dimension}-d) written to ${made.dir} in ${Math.round(performance.now() - started)} ms`);
}
