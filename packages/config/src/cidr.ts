/** IPv4 CIDR arithmetic for carving a VPC into equal subnets. */
export class Cidr {
  /** The largest subnet prefix length we carve: a /24 leaves 251 usable addresses. */
  public static readonly SMALLEST_SUBNET_PREFIX = 24;

  /** Parses `a.b.c.d/n`, or returns undefined when it is not a well-formed IPv4 CIDR. */
  public static parse(cidr: string): ParsedCidr | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) return undefined;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    return { address, prefix };
  }

  /** How many prefix bits splitting into `count` equal blocks takes. */
  public static bitsFor(count: number): number {
    return Math.ceil(Math.log2(Math.max(count, 1)));
  }

  /**
   * Splits `cidr` into `count` equal blocks (rounded up to a power of two) and returns
   * the first `count` of them, in order.
   */
  public static split(cidr: string, count: number): string[] {
    const parsed = Cidr.parse(cidr);
    if (!parsed) throw new Error(`not an IPv4 CIDR: ${cidr}`);
    const prefix = parsed.prefix + Cidr.bitsFor(count);
    const size = 2 ** (32 - prefix);
    return Array.from({ length: count }, (_, i) => `${Cidr.formatAddress(parsed.address + i * size)}/${prefix}`);
  }

  private static formatAddress(address: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
  }
}

/** An IPv4 CIDR block as numbers. */
export interface ParsedCidr {
  /** The network address as an unsigned 32-bit number. */
  readonly address: number;
  /** The prefix length, 0-32. */
  readonly prefix: number;
}
