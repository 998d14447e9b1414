// The caller of the tests that talk to FakeAws: an IAM user of a test account, with fake static keys.

export const ACCOUNT = '123456789012';
export const KEY = 'AKIAALICEEXAMPLE0001';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
/** The keys, as an SDK client takes them. */
export const credentials = { accessKeyId: KEY, secretAccessKey: SECRET };
/** FakeAws's identities: Alice's key. */
export const ALICE_IDENTITY = { [KEY]: { account: ACCOUNT, arn: ALICE } };
