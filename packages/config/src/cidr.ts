/**
 * IPv4 CIDR arithmetic, and the fixed place of each zone's subnets in the VPC.
 *
 * Each zone letter owns fixed slots, so adding or removing a zone never moves the subnets of
 * the others (a subnet's CIDR cannot change without replacing it, and its id is exported):
 *
 * - the VPC is cut into 8 equal blocks (prefix + 3): blocks 0-5 are the private subnets of
 *   zones `a`-`f`, block 6 holds the public subnets, block 7 is kept free;
 * - block 6 is cut into 8 (VPC prefix + 6): parts 0-5 are the public subnets of zones `a`-`f`.
 *
 * A /16 VPC gets /19 private subnets (8,187 addresses for nodes and pods) and /22 public ones.
 */
export class Cidr {
  /** The zone letters that own subnet slots, in slot order: at most six zones. */
  public static readonly ZONE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'];

  /** The largest VPC accepted (the smallest prefix length). */
  public static readonly LARGEST_VPC_PREFIX = 16;

  /** The smallest VPC accepted: its public subnets are then /26 and its private ones /23. */
  public static readonly SMALLEST_VPC_PREFIX = 20;

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

  /** Whether `cidr` is a well-formed IPv4 CIDR with no host bits set. */
  public static isAligned(cidr: string): boolean {
    const parsed = Cidr.parse(cidr);
    return parsed !== undefined && parsed.address % 2 ** (32 - parsed.prefix) === 0;
  }

  /** The private subnet of a zone letter (`a`-`f`) in a VPC: its fixed slot. */
  public static privateSubnet(vpcCidr: string, zoneLetter: string): string {
    return Cidr.block(vpcCidr, 3, Cidr.slot(zoneLetter));
  }

  /** The public subnet of a zone letter (`a`-`f`) in a VPC: its fixed slot. */
  public static publicSubnet(vpcCidr: string, zoneLetter: string): string {
    return Cidr.block(Cidr.block(vpcCidr, 3, 6), 3, Cidr.slot(zoneLetter));
  }

  /** Block `index` of `cidr` cut into 2^`bits` equal blocks. */
  private static block(cidr: string, bits: number, index: number): string {
    const parsed = Cidr.parse(cidr);
    if (!parsed) throw new Error(`not an IPv4 CIDR: ${cidr}`);
    const prefix = parsed.prefix + bits;
    return `${Cidr.formatAddress(parsed.address + index * 2 ** (32 - prefix))}/${prefix}`;
  }

  private static slot(zoneLetter: string): number {
    const slot = Cidr.ZONE_LETTERS.indexOf(zoneLetter);
    if (slot < 0) throw new Error(`no subnet slot for zone letter ${zoneLetter}`);
    return slot;
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
