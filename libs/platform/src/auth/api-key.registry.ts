import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiKeyEntry } from './api-key-file';
import { Principal } from './principal';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

interface StoredKey {
  hash: Buffer;
  principal: Principal;
}

/** Resolves a presented API key to its principal. */
export class ApiKeyRegistry {
  private readonly keys: StoredKey[];

  constructor(entries: ApiKeyEntry[]) {
    this.keys = entries.map((e) => ({
      hash: Buffer.from(e.keySha256 ?? sha256Hex(e.key as string), 'hex'),
      principal: new Principal(e.id, [...e.scopes]),
    }));
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * Compares the hash of the presented key with every stored hash in constant time and
   * without stopping at the first match, so timing reveals neither the key nor its position.
   */
  authenticate(presented: string): Principal | undefined {
    const hash = createHash('sha256').update(presented, 'utf8').digest();
    let found: Principal | undefined;
    for (const stored of this.keys) {
      if (timingSafeEqual(stored.hash, hash) && found === undefined) found = stored.principal;
    }
    return found;
  }
}
