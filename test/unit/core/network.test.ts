/** Which address the phones are offered (core/network.ts). docs/ARCHITECTURE.md, "Phones in the room". */
import { networkInterfaces } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roomAddresses, type InterfaceDump } from '../../../core/network';

const v4 = (address: string, internal = false) => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:15:5d:01:02:03',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, internal = false) => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:15:5d:01:02:03',
  internal,
  cidr: `${address}/64`,
  scopeid: 0,
});

// Shaped as `os.networkInterfaces()` prints them on each system (adapter names as the OS shows them).
const windows: InterfaceDump = {
  'vEthernet (Default Switch)': [v6('fe80::6d2e:1c4f:a1b2:9c01'), v4('172.29.112.1')],
  'vEthernet (WSL (Hyper-V firewall))': [v6('fe80::85a1:7fd2:e3b0:1b2c'), v4('172.22.64.1')],
  Ethernet: [v6('fe80::1c2d:3e4f:5a6b:7c8d'), v4('169.254.77.12')],
  'Wi-Fi': [v6('fe80::a4c3:2bff:fe19:8d7e'), v4('192.168.178.34')],
  NordLynx: [v4('10.5.0.2')],
  Tailscale: [v6('fd7a:115c:a1e0::9a01:2b3c'), v4('100.101.102.103')],
  'VirtualBox Host-Only Network': [v4('192.168.56.1')],
  'Loopback Pseudo-Interface 1': [v6('::1', true), v4('127.0.0.1', true)],
};
const windowsHotspot: InterfaceDump = {
  WLAN: [v6('fe80::a4c3:2bff:fe19:8d7e'), v4('10.10.4.20')],
  'LAN-Verbindung* 10': [v6('fe80::e1c2:5f3a:77b1:20d9'), v4('192.168.137.1')],
  'vEthernet (Default Switch)': [v4('172.29.112.1')],
  'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true)],
};
const macos: InterfaceDump = {
  lo0: [v4('127.0.0.1', true), v6('::1', true), v6('fe80::1', true)],
  anpi0: [v6('fe80::3c4a:92ff:fe0f:1a2b')],
  en0: [v6('fe80::1c8b:4d2e:9f3a:5b6c'), v4('192.168.1.23')],
  awdl0: [v6('fe80::a8d1:2cff:fe3e:4f5a')],
  llw0: [v6('fe80::a8d1:2cff:fe3e:4f5a')],
  utun0: [v6('fe80::6b2f:ad3c:1e4d:8f7a')],
  utun1: [v6('fe80::2c1a:9e8d:4b3f:7a6e')],
  utun4: [v4('10.8.0.6')],
  bridge100: [v6('fe80::c43a:6bff:fe2d:6464'), v4('192.168.64.1')],
};
const linux: InterfaceDump = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  wlp2s0: [v4('10.0.0.57'), v6('fe80::4f2a:9b1c:3d8e:7a61')],
  docker0: [v4('172.17.0.1'), v6('fe80::42:d4ff:fe3b:1c2d')],
  'br-3f2a9c1d4e5b': [v4('172.18.0.1')],
  veth9a1b2c3: [v6('fe80::b4c1:7aff:fe2e:9d01')],
  virbr0: [v4('192.168.122.1')],
  wg0: [v4('10.66.66.2')],
};

describe('the addresses phones are offered (core/network.ts)', () => {
  it.each([
    {
      system: 'Windows with Hyper-V, WSL, VirtualBox and two VPNs',
      dump: windows,
      preselected: ['Wi-Fi', '192.168.178.34'],
      virtual: ['vEthernet (Default Switch)', 'vEthernet (WSL (Hyper-V firewall))', 'NordLynx', 'Tailscale', 'VirtualBox Host-Only Network'],
    },
    {
      system: 'German Windows with the Mobile Hotspot on',
      dump: windowsHotspot,
      preselected: ['LAN-Verbindung* 10', '192.168.137.1'],
      virtual: ['vEthernet (Default Switch)'],
    },
    {
      system: 'macOS with a VPN (utun) and a virtual machine’s bridge',
      dump: macos,
      preselected: ['en0', '192.168.1.23'],
      virtual: ['utun4', 'bridge100'],
    },
    {
      system: 'Linux with Docker, libvirt and WireGuard',
      dump: linux,
      preselected: ['wlp2s0', '10.0.0.57'],
      virtual: ['docker0', 'br-3f2a9c1d4e5b', 'virbr0', 'wg0'],
    },
  ])('$system: preselects the Wi-Fi/Ethernet address and marks the virtual adapters', ({ dump, preselected, virtual }) => {
    const choice = roomAddresses(dump);
    expect([choice.preselected?.name, choice.preselected?.address]).toEqual(preselected);
    expect(choice.preselected?.likely).toBe(true);
    expect(choice.addresses[0]).toBe(choice.preselected);
    expect(new Set(choice.addresses.filter((entry) => entry.virtual).map((entry) => entry.name))).toEqual(new Set(virtual));
    // Virtual adapters are still listed (a Hyper-V external switch does carry the LAN), after the others.
    const firstVirtual = choice.addresses.findIndex((entry) => entry.virtual);
    expect(choice.addresses.slice(firstVirtual).every((entry) => entry.virtual)).toBe(true);
  });

  it('drops loopback, link-local (no router answered) and IPv6 addresses', () => {
    const listed = [windows, macos, linux].flatMap((dump) => roomAddresses(dump).addresses.map((entry) => entry.address));
    expect(listed.filter((address) => address.startsWith('127.') || address.startsWith('169.254.') || address.includes(':'))).toEqual([]);
    expect(roomAddresses(windows).addresses.map((entry) => entry.name)).not.toContain('Ethernet');
  });

  it('lists every address of Windows in order: the real adapter, then the virtual ones', () => {
    expect(roomAddresses(windows).addresses.map((entry) => `${entry.name} ${entry.address}`)).toEqual([
      'Wi-Fi 192.168.178.34',
      'VirtualBox Host-Only Network 192.168.56.1',
      'NordLynx 10.5.0.2',
      'vEthernet (Default Switch) 172.29.112.1',
      'vEthernet (WSL (Hyper-V firewall)) 172.22.64.1',
      'Tailscale 100.101.102.103',
    ]);
  });

  it('prefers a private range among adapters of the same kind: 192.168 before 10 before 172.16', () => {
    const choice = roomAddresses({ 'Ethernet 2': [v4('172.20.1.5')], Ethernet: [v4('10.1.2.3')], 'Wi-Fi': [v4('192.168.0.9')] });
    expect(choice.addresses.map((entry) => entry.address)).toEqual(['192.168.0.9', '10.1.2.3', '172.20.1.5']);
  });

  it('offers an adapter of an unknown name, and preselects nothing when only virtual adapters are up', () => {
    expect(roomAddresses({ 'Mein Netz': [v4('192.168.5.4')] }).preselected).toMatchObject({
      name: 'Mein Netz',
      kind: 'other',
      likely: false,
      virtual: false,
    });
    const onlyVpn = roomAddresses({ utun3: [v4('10.8.0.2')], lo0: [v4('127.0.0.1', true)] });
    expect(onlyVpn.preselected).toBeUndefined();
    expect(onlyVpn.addresses).toHaveLength(1);
    expect(roomAddresses({}).preselected).toBeUndefined();
  });

  it('takes what os.networkInterfaces() returns, as main will pass it', () => {
    const { addresses } = roomAddresses(networkInterfaces());
    expect(addresses.filter((entry) => entry.address.startsWith('127.'))).toEqual([]);
  });

  it('reads the numeric family of Node 18.0–18.3', () => {
    expect(roomAddresses({ eth0: [{ address: '192.168.2.7', family: 4, internal: false }] }).preselected?.address).toBe('192.168.2.7');
  });

  it('whatever the dump: only reachable IPv4 addresses from it, each once, never a virtual one preselected', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const address = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
    const name = fc.constantFrom(
      'Wi-Fi',
      'WLAN',
      'Ethernet 2',
      'en0',
      'wlp2s0',
      'utun2',
      'docker0',
      'vEthernet (WSL)',
      'lo',
      'Tailscale',
      'LAN-Verbindung* 3',
      'x',
    );
    const entry = fc.record({
      address: fc.oneof(address, fc.constant('fe80::1'), fc.string()),
      family: fc.constantFrom('IPv4', 'IPv6', 4, 6),
      internal: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.dictionary(name, fc.array(entry, { maxLength: 3 })), (dump) => {
        const choice = roomAddresses(dump);
        const given = Object.values(dump).flatMap((entries) =>
          entries.filter((e) => !e.internal && (e.family === 'IPv4' || e.family === 4)).map((e) => e.address),
        );
        const listed = choice.addresses.map((e) => e.address);
        expect(new Set(listed).size).toBe(listed.length);
        for (const listedAddress of listed) {
          expect(given).toContain(listedAddress);
          expect(listedAddress).toMatch(/^(\d{1,3}\.){3}\d{1,3}$/);
          expect(listedAddress).not.toMatch(/^(127|0)\.|^169\.254\./);
        }
        expect(choice.preselected?.virtual ?? false).toBe(false);
        if (choice.addresses.some((e) => !e.virtual)) expect(choice.preselected).toBeDefined();
      }),
    );
  });
});
