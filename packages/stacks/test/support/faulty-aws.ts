import * as http from 'http';
import { AddressInfo, Socket } from 'net';

/** What the faulty endpoint does to a request of a faulty service. */
export type Fault =
  /** Accepts the request, never answers. */
  | { kind: 'hang' }
  /** Answers (from the fake AWS behind it) after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Answers a throttling error `times` times (every time when undefined), then from the fake AWS. */
  | { kind: 'throttle'; times?: number }
  /** A corporate proxy's error page: 500, text/html. */
  | { kind: 'html-500' }
  /** 503 from a load balancer, a short plain-text body. */
  | { kind: '503' }
  /** 200 with a body that is neither XML nor JSON. */
  | { kind: 'not-aws' }
  /** 200 with headers and half of a body, then the connection is reset. */
  | { kind: 'reset-mid-body' }
  /** An AWS error in the query protocol's XML (STS, CloudFormation), e.g. 403 AccessDenied. */
  | { kind: 'error'; status: number; code: string; message: string };

/**
 * A real HTTP server on 127.0.0.1 in front of a fake AWS (`FakeAws`): requests of the services
 * in `faults` (told apart by the SigV4 credential scope, as AWS does) get the fault, the others
 * are passed to the fake AWS. Point the SDK at it with `AWS_ENDPOINT_URL`.
 */
export class FaultyAws {
  /** Requests received per service, faulty or not. */
  public readonly counts: Record<string, number> = {};
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly upstream: string, private readonly faults: Record<string, Fault>) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => this.handle(req, Buffer.concat(chunks), res));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on an ephemeral port of 127.0.0.1; resolves to the endpoint URL. */
  public async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening and drops every connection (a hanging one too). */
  public async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const service = /Credential=[^/]*\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const count = this.counts[service] = (this.counts[service] ?? 0) + 1;
    const fault = this.faults[service];
    const forward = () => this.forward(req, body, res);
    if (!fault) return forward();
    switch (fault.kind) {
      case 'hang':
        return; // never answers; stop() drops the connection
      case 'slow':
        setTimeout(forward, fault.ms);
        return;
      case 'throttle':
        if (fault.times !== undefined && count > fault.times) return forward();
        return throttle(service, res);
      case 'html-500':
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><head><title>500 Internal Server Error</title></head><body><h1>Proxy Error</h1></body></html>');
        return;
      case '503':
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('Service Unavailable');
        return;
      case 'not-aws':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('Welcome to the guest Wi-Fi. Please accept the terms of use.');
        return;
      case 'error':
        res.writeHead(fault.status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'fault-request-id' });
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${fault.message}</Message></Error>`
          + '<RequestId>fault-request-id</RequestId></ErrorResponse>');
        return;
      case 'reset-mid-body':
        res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '2000' });
        res.write('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>');
        setTimeout(() => res.socket?.resetAndDestroy(), 20);
        return;
    }
  }

  private forward(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.upstream);
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }
}

/** A throttling error in the service's wire format. */
function throttle(service: string, res: http.ServerResponse): void {
  if (service === 'sts' || service === 'cloudformation') {
    res.writeHead(400, { 'content-type': 'text/xml', 'x-amzn-requestid': 'throttled-request-id' });
    res.end('<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>'
      + '<RequestId>throttled-request-id</RequestId></ErrorResponse>');
  } else if (service === 'ec2') {
    res.writeHead(503, { 'content-type': 'text/xml' });
    res.end('<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>'
      + '<RequestID>throttled-request-id</RequestID></Response>');
  } else {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': 'throttled-request-id' });
    res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
  }
}
