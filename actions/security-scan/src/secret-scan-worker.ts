// The secret scanner's worker thread, bundled as dist/secret-scan-worker.js beside the action.
import '@flowkit/security/secrets-worker';
