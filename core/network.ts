/** Which of the machine's addresses a phone in the room could reach, and which to offer first. docs/ARCHITECTURE.md, "Phones in the room". */

/** One entry of Node's `os.networkInterfaces()`, as far as we read it (main passes the dump in; core imports no Node module). */
export interface InterfaceAddress {
  readonly address: string;
  /** `'IPv4'`; Node 18.0–18.3 said `4`. */
  readonly family: string | number;
  readonly internal: boolean;
}

/** The shape `os.networkInterfaces()` returns: adapter name → its addresses. */
export type InterfaceDump = Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;

/**
 * - `network`: named like a Wi-Fi or Ethernet adapter (Windows "Wi-Fi"/"WLAN"/"Ethernet", macOS "en0",
 *   Linux "wlp2s0"/"eth0"/"enp3s0");
 * - `hotspot`: Windows's own Mobile Hotspot ("Local Area Connection* 10", "LAN-Verbindung* 10"): the
 *   facilitator switched it on, so the phones are probably on it;
 * - `virtual`: a virtual machine's, container's or VPN's adapter — phones in the room cannot reach it;
 * - `other`: a name we do not know.
 */
export type AdapterKind = 'network' | 'hotspot' | 'virtual' | 'other';

export interface RoomAddress {
  /** The adapter's name as the operating system shows it. */
  readonly name: string;
  readonly address: string;
  readonly kind: AdapterKind;
  readonly virtual: boolean;
  /** Looks like the adapter the room's phones are on (Wi-Fi, Ethernet or the laptop's hotspot). */
  readonly likely: boolean;
}

export interface RoomAddressChoice {
  /** Every IPv4 address a phone might reach, best first. */
  readonly addresses: readonly RoomAddress[];
  /** The best one that is not virtual; none when only virtual adapters (or none) are up. */
  readonly preselected: RoomAddress | undefined;
}

// Matched against the adapter's name, case-insensitively. Prefixes are Linux/macOS interface names;
// the words are Windows's adapter names, which carry the product's name.
const virtualAdapter = new RegExp(
  [
    // Hyper-V and WSL ("vEthernet (Default Switch)", "vEthernet (WSL)"), VirtualBox, VMware, Parallels, UTM.
    '^vethernet\\b',
    '\\bwsl\\b',
    'virtualbox',
    '^vboxnet',
    'vmware',
    '^vmnet',
    '^vmenet',
    '^vnic',
    // macOS bridges: a virtual machine's network or Internet Sharing.
    '^bridge\\d+$',
    // Docker, libvirt, LXC/LXD, Podman, Kubernetes.
    '^docker',
    '^br-[0-9a-f]+$',
    '^veth',
    '^virbr',
    '^lxcbr',
    '^lxdbr',
    '^podman',
    '^cni',
    '^flannel',
    '^cali',
    // VPNs and tunnels.
    '^utun',
    '^tun',
    '^tap',
    '^wg',
    '^ppp',
    '^ipsec',
    '^tailscale',
    '^zt',
    '^cscotun',
    '^gpd\\d',
    'tailscale',
    'zerotier',
    'wireguard',
    'wintun',
    'openvpn',
    'tap-windows',
    'cisco',
    'anyconnect',
    'globalprotect',
    'pangp',
    'forti',
    'juniper',
    'pulse secure',
    'nordlynx',
    'nordvpn',
    'expressvpn',
    'protonvpn',
    'mullvad',
    'sonicwall',
    'zscaler',
    'hamachi',
    'vpn',
  ].join('|'),
  'i',
);
// Windows ("Wi-Fi", "WLAN 2", "Ethernet 3"), macOS ("en0", "en1"), Linux ("wlan0", "wlp2s0", "wlx…",
// "eth0", "enp3s0", "eno1", "ens33", "enx…").
const networkAdapter = /^(?:(?:wi-?fi|wlan|ethernet)(?: \d+)?|(?:en|eth|wl)[0-9a-z]*)$/i;
// Windows names its Wi-Fi Direct adapters "Local Area Connection* N" in every language; one of them
// has an IPv4 address only while the Mobile Hotspot is on.
const windowsHotspot = /\* ?\d+$/;

type Octets = readonly [number, number, number, number];

/** The four numbers of a dotted IPv4 address, or undefined. */
export function ipv4Octets(address: string): Octets | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!match) return undefined;
  const octets: Octets = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** 0 for 192.168/16 (home and travel routers), 1 for 10/8, 2 for 172.16/12 (often Docker or a company), 3 for anything else. */
function privateRank([a, b]: Octets): number {
  if (a === 192 && b === 168) return 0;
  if (a === 10) return 1;
  if (a === 172 && b >= 16 && b <= 31) return 2;
  return 3;
}

/** Loopback, "this host", link-local (an adapter that got no address from a router) and multicast: no phone reaches these. */
function unreachable([a, b]: Octets): boolean {
  return a === 127 || a === 0 || (a === 169 && b === 254) || a >= 224;
}

function kindOf(name: string): AdapterKind {
  if (virtualAdapter.test(name)) return 'virtual';
  if (networkAdapter.test(name)) return 'network';
  if (windowsHotspot.test(name)) return 'hotspot';
  return 'other';
}

// The hotspot first: switching it on is the facilitator's deliberate step for this room.
const kindRank: Record<AdapterKind, number> = { hotspot: 0, network: 1, other: 2, virtual: 3 };

/** The addresses a phone could reach, best first, and the one to preselect. */
export function roomAddresses(interfaces: InterfaceDump): RoomAddressChoice {
  const found: { entry: RoomAddress; rank: number; order: number }[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const { address, family, internal } of entries ?? []) {
      if (internal || (family !== 'IPv4' && family !== 4)) continue;
      const octets = ipv4Octets(address);
      if (!octets || unreachable(octets)) continue;
      const kind = kindOf(name);
      const entry: RoomAddress = { name, address, kind, virtual: kind === 'virtual', likely: kind === 'network' || kind === 'hotspot' };
      if (found.some((other) => other.entry.address === address)) continue;
      found.push({ entry, rank: kindRank[kind] * 4 + privateRank(octets), order: found.length });
    }
  }
  const addresses = found.sort((x, y) => x.rank - y.rank || x.order - y.order).map(({ entry }) => entry);
  return { addresses, preselected: addresses.find((entry) => !entry.virtual) };
}
