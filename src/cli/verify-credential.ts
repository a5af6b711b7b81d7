import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadTrustedKeys } from '../credentials/keys-fs.ts';
import { type CredentialSummary, type Verification, verifyCredential } from '../credentials/verify.ts';

export const verifyCredentialHelp = `relais verify-credential <file.json> [--trusted trusted-centres.yaml] [--data dir] [--json]
  checks an Open Badges 3.0 credential offline: its signature, dates, and whether its issuer is
  this centre (data/keys/) or a trusted centre (data/trusted-centres.yaml, or --trusted);
  prints what it says, then VALID or INVALID and why. Exit 0 valid, 1 invalid, 2 unreadable`;

function describe(summary: CredentialSummary): string {
  const lines = [
    `Issuer:      ${summary.issuer.name} (${summary.issuer.id})`,
    `Holder:      ${summary.subject.name ? `${summary.subject.name}, ` : ''}${summary.subject.identifier ?? 'no identifier'}`,
    `Achievement: ${summary.achievement.name} (${summary.achievement.type})`,
    `             ${summary.achievement.description}`,
    `Valid from:  ${summary.validFrom}${summary.validUntil ? `, until ${summary.validUntil}` : ''}`,
  ];
  for (const item of summary.achievement.alignment) lines.push(`Aligned to:  ${item.framework} ${item.code} ${item.name}`);
  return lines.join('\n');
}

export function verdict(result: Verification): string {
  if (!result.valid) return `INVALID (${result.reason}): ${result.message}`;
  return `VALID: signed by ${result.issuerTrust === 'own' ? 'this centre' : result.issuerTrust === 'trusted' ? `trusted centre ${result.trustedName}` : 'its issuer (key not checked against a trust list)'}`;
}

export async function verifyCredentialCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trusted: { type: 'string' },
      data: { type: 'string', default: 'data' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    (values.help ? console.log : console.error)(verifyCredentialHelp);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    JSON.parse(text);
  } catch (error) {
    const cause = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? `not JSON (${error.message})` : (error as Error).message;
    console.error(`relais verify-credential: ${file}: ${cause}. Give the .json file downloaded from the certificate page.`);
    return 2;
  }
  let trusted;
  try {
    trusted = loadTrustedKeys(values.data, values.trusted ?? path.join(values.data, 'trusted-centres.yaml'));
  } catch (error) {
    console.error(`relais verify-credential: ${(error as Error).message}`);
    return 2;
  }
  // The text, not the parsed value: the verifier also refuses members named twice.
  const result = await verifyCredential(text, { trusted });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    if (result.credential) console.log(describe(result.credential));
    console.log(verdict(result));
    if (!result.valid && result.reason === 'unknown-key') console.log('Add the issuing centre\'s public key with `relais keys trust <centre> <key.pem>`, or pass --trusted <file>.');
  }
  return result.valid ? 0 : 1;
}
