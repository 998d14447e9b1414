// The one place that makes the AWS clients of the product (STS, CloudFormation, EC2, EKS,
// Service Quotas, CloudWatch Logs, KMS, SSM). Every client gets the same limits, so no call can
// hang or retry forever: a connect timeout, a per-attempt timeout (the SDK's NodeHttpHandler:
// connectionTimeout, requestTimeout with throwOnRequestTimeout, socketTimeout for a body that
// stalls), bounded retries (the SDK's standard retry mode: throttling, 5xx, timeouts), and the
// abort signal of the whole command's deadline. Each client also notes, for the one-line error
// of a failed call, its service, operation, endpoint, HTTP status and content type.
import { setMaxListeners } from 'events';
import { AWS_LIMIT_ENV } from './env-names';
import {
  CloudFormationClient, CloudWatchLogsClient, EC2Client, EKSClient, KMSClient, PricingClient, ServiceQuotasClient, SSMClient, STSClient,
} from './sdk';

export { AWS_LIMIT_ENV, DEBUG_ENV } from './env-names';

/** How long AWS calls may take. */
export interface AwsLimits {
  /** Seconds to open a connection (TCP and TLS) to an endpoint. */
  readonly connectTimeout: number;
  /** Seconds one attempt of a call may take, and a response body may stall. */
  readonly requestTimeout: number;
  /** Attempts of one call, the first included (the SDK's standard retry mode between them). */
  readonly maxAttempts: number;
  /** Seconds the whole command may take. */
  readonly deadline: number;
}

/**
 * Defaults for a person at a terminal and for a CI job: a dead endpoint ends the command after
 * at most 3 x 20 s (plus backoff) of one call, and never after more than 90 s in all.
 */
export const DEFAULT_AWS_LIMITS: AwsLimits = { connectTimeout: 5, requestTimeout: 20, maxAttempts: 3, deadline: 90 };

/** The flag of each limit, e.g. `--connect-timeout`. */
export const AWS_LIMIT_FLAGS: Record<keyof AwsLimits, string> = {
  connectTimeout: 'connect-timeout',
  requestTimeout: 'request-timeout',
  maxAttempts: 'max-attempts',
  deadline: 'deadline',
};

/** A wrong value of a limit (the command turns it into a usage error). */
export class AwsLimitError extends Error {}

/** The limits from flags (seconds, as given), else the environment, else the defaults. */
export function resolveAwsLimits(flags: Partial<Record<keyof AwsLimits, string | undefined>>, env: NodeJS.ProcessEnv = process.env): AwsLimits {
  const value = (key: keyof AwsLimits): number => {
    const fromFlag = flags[key];
    const fromEnv = env[AWS_LIMIT_ENV[key]];
    const [raw, source] = fromFlag !== undefined ? [fromFlag, `--${AWS_LIMIT_FLAGS[key]}`]
      : fromEnv !== undefined && fromEnv !== '' ? [fromEnv, AWS_LIMIT_ENV[key]] : [undefined, ''];
    if (raw === undefined) return DEFAULT_AWS_LIMITS[key];
    const n = Number(raw);
    const ok = key === 'maxAttempts' ? Number.isInteger(n) && n >= 1 && n <= 10 : Number.isFinite(n) && n > 0 && n <= 3600;
    if (!ok) {
      throw new AwsLimitError(`${source}=${raw}: expected ${key === 'maxAttempts' ? 'a whole number from 1 to 10' : 'seconds, more than 0 and at most 3600'}.`);
    }
    return n;
  };
  return { connectTimeout: value('connectTimeout'), requestTimeout: value('requestTimeout'), maxAttempts: value('maxAttempts'), deadline: value('deadline') };
}

/** The services the product calls: the name messages use, and the IAM service prefix. */
export const AWS_SERVICES = {
  sts: { name: 'STS', iam: 'sts' },
  cloudformation: { name: 'CloudFormation', iam: 'cloudformation' },
  ec2: { name: 'EC2', iam: 'ec2' },
  eks: { name: 'EKS', iam: 'eks' },
  servicequotas: { name: 'Service Quotas', iam: 'servicequotas' },
  logs: { name: 'CloudWatch Logs', iam: 'logs' },
  kms: { name: 'KMS', iam: 'kms' },
  ssm: { name: 'SSM', iam: 'ssm' },
  pricing: { name: 'Price List', iam: 'pricing' },
} as const;

/** A service the product calls. */
export type AwsService = keyof typeof AWS_SERVICES;

/** What is known of a failed call: which, where, how it went. */
export interface AwsCall {
  readonly service: AwsService;
  /** The API operation, e.g. `GetTemplate`. */
  readonly operation: string;
  /** The endpoint it was sent to (`https://host[:port]`), once the request was built. */
  endpoint?: string;
  /** The HTTP status and content type of the last answer, if one came. */
  status?: number;
  contentType?: string;
  /** When the first attempt started (ms since the epoch). */
  readonly startedAt: number;
  /** Milliseconds from the first attempt to the failure. */
  elapsedMs?: number;
  readonly limits: AwsLimits;
}

const CALLS = new WeakMap<object, AwsCall>();

/** The call an error of an AWS client came from, if it came from a client made here. */
export function awsCallOf(error: unknown): AwsCall | undefined {
  return typeof error === 'object' && error !== null ? CALLS.get(error) : undefined;
}

/** The region the SDK's default chain finds (`AWS_REGION`, the profile's), without a call; throws when there is none. */
export async function defaultChainRegion(): Promise<string> {
  const sts = new STSClient({});
  try {
    return await sts.config.region();
  } finally {
    sts.destroy();
  }
}

/** The abort controller of a command: every call in flight listens to its signal (dozens at once). */
function newController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/** The clients of one command: same limits, one deadline. */
export class AwsClients {
  private readonly controller = newController();
  private readonly inFlight = new Set<AwsCall>();
  private readonly made: { destroy(): void }[] = [];

  constructor(
    /** The team's region. */
    public readonly region: string,
    public readonly limits: AwsLimits = DEFAULT_AWS_LIMITS,
  ) {}

  /** Aborted when the command ends (or its deadline passes): calls still running stop. */
  public get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The oldest call still running, for the message of a passed deadline. */
  public oldestInFlight(): AwsCall | undefined {
    return [...this.inFlight].sort((a, b) => a.startedAt - b.startedAt)[0];
  }

  /** Stops every call still running and closes the connections. */
  public close(): void {
    this.controller.abort();
    for (const client of this.made) client.destroy();
  }

  public sts(region: string = this.region): STSClient {
    return this.make('sts', new STSClient(this.config(region)));
  }

  public cloudFormation(): CloudFormationClient {
    return this.make('cloudformation', new CloudFormationClient(this.config(this.region)));
  }

  public ec2(): EC2Client {
    return this.make('ec2', new EC2Client(this.config(this.region)));
  }

  public eks(): EKSClient {
    return this.make('eks', new EKSClient(this.config(this.region)));
  }

  public serviceQuotas(): ServiceQuotasClient {
    return this.make('servicequotas', new ServiceQuotasClient(this.config(this.region)));
  }

  public logs(): CloudWatchLogsClient {
    return this.make('logs', new CloudWatchLogsClient(this.config(this.region)));
  }

  public kms(): KMSClient {
    return this.make('kms', new KMSClient(this.config(this.region)));
  }

  public ssm(): SSMClient {
    return this.make('ssm', new SSMClient(this.config(this.region)));
  }

  /**
   * The Price List Query API, which AWS serves from a few regions only: us-east-1 for the `aws`
   * partition (its prices cover every region), cn-northwest-1 for China.
   */
  public pricing(): PricingClient {
    return this.make('pricing', new PricingClient(this.config(this.region.startsWith('cn-') ? 'cn-northwest-1' : 'us-east-1')));
  }

  private config(region: string) {
    const { connectTimeout, requestTimeout, maxAttempts } = this.limits;
    return {
      region,
      maxAttempts,
      retryMode: 'standard',
      // The options of the SDK's NodeHttpHandler, which the client makes from them.
      requestHandler: {
        connectionTimeout: connectTimeout * 1000,
        requestTimeout: requestTimeout * 1000,
        throwOnRequestTimeout: true,
        socketTimeout: requestTimeout * 1000,
      },
    };
  }

  private make<C extends { send: (...args: any[]) => Promise<any>; middlewareStack: any; destroy(): void }>(service: AwsService, client: C): C {
    const limits = this.limits;
    const inFlight = this.inFlight;
    // Outermost: notes the call, and on failure tags the error with it.
    client.middlewareStack.add((next: any, context: any) => async (args: any) => {
      const call: AwsCall = { service, operation: String(context.commandName ?? '').replace(/Command$/, ''), startedAt: Date.now(), limits };
      context.bottlerocketEksCall = call;
      inFlight.add(call);
      try {
        return await next(args);
      } catch (error) {
        call.elapsedMs = Date.now() - call.startedAt;
        if (typeof error === 'object' && error !== null && !CALLS.has(error)) CALLS.set(error, call);
        throw error;
      } finally {
        inFlight.delete(call);
      }
    }, { step: 'initialize', priority: 'high', name: 'bottlerocketEksCallMiddleware' });
    // Innermost: the endpoint of each attempt, and the status and content type of its answer.
    client.middlewareStack.add((next: any, context: any) => async (args: any) => {
      const call: AwsCall | undefined = context.bottlerocketEksCall;
      const request = args.request;
      if (call && request?.hostname) call.endpoint = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
      const result = await next(args);
      const response = result?.response;
      if (call && response) {
        call.status = response.statusCode;
        const headers = response.headers ?? {};
        call.contentType = headers['content-type'] ?? headers['Content-Type'];
      }
      return result;
    }, { step: 'deserialize', priority: 'low', name: 'bottlerocketEksResponseMiddleware' });
    // Every call of the command stops when the command ends or its deadline passes.
    const send = client.send.bind(client);
    const signal = this.controller.signal;
    (client as any).send = (command: unknown, options?: any) => (typeof options === 'function'
      ? send(command, options)
      : send(command, { ...options, abortSignal: options?.abortSignal ?? signal }));
    this.made.push(client);
    return client;
  }
}
