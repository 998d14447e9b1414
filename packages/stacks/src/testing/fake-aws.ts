import * as http from 'http';
import { AddressInfo } from 'net';

/** One identity the fake STS knows, by access key id. */
export interface FakeIdentity {
  readonly account: string;
  readonly arn: string;
}

/** A request the fake received (to check what the real client sent). */
export interface ReceivedRequest {
  readonly method: string;
  readonly body: string;
  readonly authorization: string;
}

/**
 * A local AWS on 127.0.0.1 for tests of preflight-gated scripts, answering in the query
 * protocol's XML as AWS does:
 * - STS `GetCallerIdentity`: the identity of the signing access key, or the error of an
 *   expired token (400 ExpiredToken) or an unknown key (403 InvalidClientTokenId);
 * - CloudFormation `DescribeStacks`: no stack is deployed (400 ValidationError "does not
 *   exist"), so `cdk diff` compares against nothing and `cdk destroy` has nothing to do.
 * Point the SDK at it with `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL_CLOUDFORMATION` and
 * fake static keys.
 */
export class FakeAws {
  /** Every request received, oldest first. */
  public readonly requests: ReceivedRequest[] = [];
  private readonly server: http.Server;

  constructor(
    private readonly identities: Record<string, FakeIdentity>,
    private readonly expiredKeys: string[] = [],
  ) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const authorization = String(req.headers.authorization ?? '');
        this.requests.push({ method: req.method ?? '', body, authorization });
        const [status, xml] = this.answer(authorization, body);
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': REQUEST_ID });
        res.end(xml);
      });
    });
  }

  /** Listens on an ephemeral port of 127.0.0.1; resolves to the endpoint URL. */
  public async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening. */
  public async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private answer(authorization: string, body: string): [number, string] {
    const params = new URLSearchParams(body);
    const action = params.get('Action');
    if (action === 'DescribeStacks') {
      return [400, errorXml('ValidationError', `Stack with id ${params.get('StackName')} does not exist`)];
    }
    if (action !== 'GetCallerIdentity') return [400, errorXml('InvalidAction', `Could not find operation ${action}`)];
    const accessKeyId = /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '';
    if (this.expiredKeys.includes(accessKeyId)) {
      return [400, errorXml('ExpiredToken', 'The security token included in the request is expired')];
    }
    const identity = this.identities[accessKeyId];
    if (!identity) return [403, errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.')];
    return [200, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${identity.arn}</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>${identity.account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${REQUEST_ID}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`];
  }
}

const REQUEST_ID = '01234567-89ab-cdef-0123-456789abcdef';

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>${REQUEST_ID}</RequestId>
</ErrorResponse>
`;
}
