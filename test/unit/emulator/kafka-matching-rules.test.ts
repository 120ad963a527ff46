import { describe, expect, it } from 'vitest';
import { fidelityFixture, openHarness, rowsOf } from './helpers.js';

/**
 * Kafka MATCHING broker rules behind Materialize's feature flag: refused while
 * `enable_kafka_broker_matching_rules` is off, accepted and stored as
 * Materialize prints them once `ALTER SYSTEM SET` turns it on, with a
 * dependency on the PrivateLink connection.
 */
interface Case {
  readonly from: string;
  readonly sql: string;
  readonly error: string;
}
interface Fixture {
  readonly setup: readonly string[];
  readonly flagOff: Case & { readonly detail: string; readonly code: string };
  readonly enable: { readonly sql: string };
  readonly accepted: { readonly sql: string; readonly storedContains: string };
  readonly refusedWithFlagOn: readonly Case[];
}

const fixture = fidelityFixture<Fixture>('kafka-matching-rules.json');

async function harness() {
  const h = await openHarness();
  for (const s of fixture.setup) rowsOf(await h.run(s));
  return h;
}

const connectionNamed = "SELECT id, create_sql FROM mz_connections WHERE name = 'c'";

describe('Kafka MATCHING broker rules in the emulator', () => {
  it(`are refused while the feature flag is off (${fixture.flagOff.from})`, async () => {
    const h = await harness();
    try {
      const error = await h.client.query(fixture.flagOff.sql).then(
        () => undefined,
        (e: { message: string; detail?: string; code: string }) => e,
      );
      expect(error?.message).toBe(fixture.flagOff.error);
      expect(error?.detail).toBe(fixture.flagOff.detail);
      expect(error?.code).toBe(fixture.flagOff.code);
      expect(rowsOf(await h.run(connectionNamed))).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('are accepted once ALTER SYSTEM turns the flag on, stored as Materialize prints them, depending on the PrivateLink connection', async () => {
    const h = await harness();
    try {
      rowsOf(await h.run(fixture.enable.sql));
      rowsOf(await h.run(fixture.accepted.sql));
      const [row] = rowsOf(await h.run(connectionNamed));
      expect(String(row?.create_sql)).toContain(fixture.accepted.storedContains);
      const deps = rowsOf(
        await h.run(
          "SELECT c.name AS on FROM mz_internal.mz_object_dependencies d JOIN mz_connections c ON c.id = d.referenced_object_id WHERE d.object_id = $1 ORDER BY 1",
          [row?.id],
        ),
      );
      expect(deps).toEqual([{ on: 'pl' }]);
      // The rules change in place (brokers and default_tunnel are alter-compatible: src/storage-types/src/connections.rs:1320-1321).
      rowsOf(await h.run("ALTER CONNECTION c SET (BROKERS = ('broker:9092', MATCHING '*.use1-az2.*' USING AWS PRIVATELINK pl (AVAILABILITY ZONE = 'use1-az2'))) WITH (VALIDATE = false)"));
      const [altered] = rowsOf(await h.run(connectionNamed));
      expect(String(altered?.create_sql)).toContain("MATCHING '*.use1-az2.*'");
      expect(String(altered?.create_sql)).not.toContain("'*.use1-az1.*'");
      // RESET puts the default back: new rules are refused again.
      rowsOf(await h.run('ALTER SYSTEM RESET enable_kafka_broker_matching_rules'));
      const again = await h.run(fixture.flagOff.sql.replace('CONNECTION c ', 'CONNECTION c2 '));
      expect(again).toMatchObject({ error: fixture.flagOff.error });
    } finally {
      await h.close();
    }
  });

  it('refuses an ALTER CONNECTION that adds rules while the flag is off, as an invalid ALTER with the flag detail (src/adapter/src/coord/sequencer/inner.rs:3558)', async () => {
    const h = await harness();
    try {
      rowsOf(await h.run("CREATE CONNECTION c TO KAFKA (BROKERS ('broker:9092'), SECURITY PROTOCOL PLAINTEXT) WITH (VALIDATE = false)"));
      const [before] = rowsOf(await h.run(connectionNamed));
      const error = await h.client.query("ALTER CONNECTION c SET (BROKERS = ('broker:9092', MATCHING '*' USING AWS PRIVATELINK pl)) WITH (VALIDATE = false)").then(
        () => undefined,
        (e: { message: string; detail?: string; code: string }) => e,
      );
      expect(error?.message).toBe(`invalid ALTER CONNECTION: ${fixture.flagOff.error}`);
      expect(error?.detail).toBe(fixture.flagOff.detail);
      expect(error?.code).toBe('0A000');
      expect(rowsOf(await h.run(connectionNamed))).toEqual([before]);
    } finally {
      await h.close();
    }
  });

  it('refuses an unknown system variable as Materialize does', async () => {
    const h = await harness();
    try {
      expect(await h.run('ALTER SYSTEM SET no_such_flag = true')).toEqual({ error: 'unrecognized configuration parameter "no_such_flag"', code: '42704' });
    } finally {
      await h.close();
    }
  });

  describe('with the flag on', () => {
    it.each(fixture.refusedWithFlagOn.map((c) => [c.from, c] as const))('refuses %s', async (_from, c) => {
      const h = await harness();
      try {
        rowsOf(await h.run(fixture.enable.sql));
        const result = await h.run(c.sql);
        expect(result, c.sql).toHaveProperty('error');
        if ('error' in result) expect(result.error).toContain(c.error);
        expect(rowsOf(await h.run(connectionNamed))).toEqual([]);
      } finally {
        await h.close();
      }
    });
  });
});
