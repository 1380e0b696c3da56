import type { SystemBinding } from '@plantsync/landscape';

/** `options` of an `odoo-json2` binding in the landscape (docs/connectors.md). */
export interface OdooErpOptions {
  /** Sent as X-Odoo-Database: which database of a multi-database Odoo server. */
  database: string;
  /** Restricts reads and writes to this company (context.allowed_company_ids). */
  companyId?: number;
  /** Language of names and messages, e.g. pl_PL (context.lang). */
  lang?: string;
}

export function validateOdooOptions(binding: SystemBinding, env: NodeJS.ProcessEnv): Array<{ path: string; reason: string }> {
  const problems: Array<{ path: string; reason: string }> = [];
  const o = binding.options ?? {};
  if (typeof o.database !== 'string' || o.database.trim() === '')
    problems.push({ path: 'options.database', reason: 'database is required: the Odoo database name, e.g. det_prod' });
  if (o.companyId !== undefined && !(Number.isInteger(o.companyId) && (o.companyId as number) > 0))
    problems.push({ path: 'options.companyId', reason: 'companyId must be a positive integer (res.company id)' });
  if (o.lang !== undefined && !(typeof o.lang === 'string' && /^[a-z]{2,3}(_[A-Z]{2})?(@\w+)?$/.test(o.lang)))
    problems.push({ path: 'options.lang', reason: 'lang must be an Odoo language code such as en_US or pl_PL' });
  const known = new Set(['database', 'companyId', 'lang']);
  for (const key of Object.keys(o))
    if (!known.has(key)) problems.push({ path: `options.${key}`, reason: `unknown option (known: ${[...known].join(', ')})` });
  if (!binding.credentialsEnv)
    problems.push({ path: 'credentialsEnv', reason: 'credentialsEnv is required: the env var holding the Odoo API key' });
  else if (!env[binding.credentialsEnv])
    problems.push({ path: 'credentialsEnv', reason: `environment variable ${binding.credentialsEnv} (the Odoo API key) is not set` });
  return problems;
}

export function odooOptions(binding: SystemBinding): OdooErpOptions {
  const o = binding.options ?? {};
  return {
    database: o.database as string,
    companyId: o.companyId as number | undefined,
    lang: o.lang as string | undefined,
  };
}
