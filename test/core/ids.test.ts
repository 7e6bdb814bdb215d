/** Request ids: UUID v4, also where `crypto.randomUUID` is missing (a page served over plain http). */
import { expect } from '@open-wc/testing';
import { isUuid, newRequestId } from '../../src/core/ids.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRequestId', () => {
  it('makes version 4 UUIDs', () => {
    const id = newRequestId();
    expect(id).to.match(V4);
    expect(isUuid(id)).to.equal(true);
  });

  it('makes distinct version 4 UUIDs without crypto.randomUUID (an insecure context)', () => {
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(typeof crypto.randomUUID).to.equal('undefined');
      const ids = Array.from({ length: 200 }, () => newRequestId());
      for (const id of ids) expect(id).to.match(V4);
      expect(new Set(ids).size).to.equal(ids.length);
      // Every position that should vary does.
      const varying = [...ids[0]!].filter((_, at) => new Set(ids.map((id) => id[at])).size > 1);
      expect(varying.length).to.equal(31);
    } finally {
      if (original) Object.defineProperty(Crypto.prototype, 'randomUUID', original);
    }
  });
});
