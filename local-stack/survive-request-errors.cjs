// Preloaded into the emulators (node --require). dynalite 4 turns a storage iterator's failure
// into an 'error' event or a rejected promise that nothing handles: a scan still running when its
// table is deleted is enough. Node's default is to exit, and every later test then meets
// "connection refused". Here the failure is logged, with its stack, and the server keeps serving
// the other requests; the request that failed gets no answer and its client times out.
'use strict'

function report(kind) {
  return (error) => {
    const detail = error && error.stack ? error.stack : String(error)
    console.error(`[orderflow] ${new Date().toISOString()} ${kind}, the server keeps running: ${detail}`)
  }
}

process.on('uncaughtException', report('uncaught exception'))
process.on('unhandledRejection', report('unhandled promise rejection'))
