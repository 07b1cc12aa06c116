import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, operationNames } from '../../src-shared/contract';
import { errorCodes } from '../../src-shared/errors';
import { eventNames, eventsContract } from '../../src-shared/events';

/**
 * Everything a script, the browser UI or an older client depends on. Any change to an
 * operation, its schemas, an event or an error code changes this file and shows in review.
 */
function contractSurface() {
  return {
    operations: Object.fromEntries(
      [...operationNames].sort().map((name) => [
        name,
        {
          input: z.toJSONSchema(contract[name].input, { io: 'input' }),
          output: z.toJSONSchema(contract[name].output, { io: 'output' }),
        },
      ]),
    ),
    events: Object.fromEntries(
      [...eventNames].sort().map((name) => [name, z.toJSONSchema(eventsContract[name], { io: 'output' })]),
    ),
    errorCodes: [...errorCodes],
  };
}

describe('the contract surface', () => {
  it('matches the reviewed snapshot', async () => {
    await expect(`${JSON.stringify(contractSurface(), null, 2)}\n`).toMatchFileSnapshot('../fixtures/contract-surface.json');
  });

});
