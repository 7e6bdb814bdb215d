/**
 * Runs the mock Altinn from a terminal (usage below). `--demo-client` registers a Maskinporten
 * client with a fresh key pair (nothing written to disk) and the scopes of the consent and access
 * APIs; `--print-key` prints its private JWK to stdout. A backend can also register its own public
 * key (`POST <url>/__mock/clients`) and API key (`POST <url>/__mock/api-keys`). Stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import * as auth from './auth.js';
import { startMockAltinn } from './server.js';

const USAGE = `Usage: npx tsx src/mock/cli.ts [--port 4010] [--host 127.0.0.1] [--public-url URL]
                               [--demo-client CLIENT_ID [--org ORGNR] [--print-key]]
                               [--api-key KEY]...`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      'demo-client': { type: 'string' },
      org: { type: 'string', default: '991825827' },
      'print-key': { type: 'boolean', default: false },
      'api-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port: ${values.port}`);
  }
  const altinn = await startMockAltinn({
    port,
    host: values.host,
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    apiKeys: values['api-key'] ?? [],
  });
  console.log(`Mock Altinn listening on ${altinn.url}
  Maskinporten token endpoint: ${altinn.tokenEndpoint} (aud ${altinn.maskinportenAudience})
  Consent API:                 ${altinn.consentApiBaseUrl}/consentrequests
  Altinn 2 access requests:    ${altinn.altinn2ApiBaseUrl}/delegationRequests
  Altinn 3 access requests:    ${altinn.serviceOwnerApiBaseUrl}/delegationrequests
  Access manager's page:       ${altinn.url}/accessmanagement/ui/requests/received
  Test controls:               ${altinn.url}/__mock/stats`);

  const clientId = values['demo-client'];
  if (clientId) {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `demo-${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid };
    const scopes = [auth.SCOPE_WRITE, auth.SCOPE_READ];
    scopes.push(auth.SCOPE_DELEGATION_REQUESTS_WRITE, auth.SCOPE_DELEGATION_REQUESTS_READ);
    altinn.registerClient({ clientId, publicJwk, orgNumber: values.org, scopes });
    console.log(`  Demo client "${clientId}" (org ${values.org}, kid ${kid}) registered`);
    if (values['print-key']) {
      console.log(JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256' }));
    }
  }
  const stop = (): void => {
    altinn.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
