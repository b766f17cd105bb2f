#!/usr/bin/env node
// Intel/DMT @device-management-toolkit/wsman-messages driving a WS-Management endpoint.
//
// The package builds envelopes for AMT/IPS/CIM classes; its generic layer (WSManMessageCreator + Base, which every
// CIM.* / AMT.* class extends) is used here with a DMTF resource-URI base and CCT_ class names, exactly as the package's
// own classes do it. Envelopes are POSTed with node's http module and Basic auth. The CimCloud conformance tests run
// this script and assert on the JSON it prints.
//
// usage: wsman_messages_client.js ENDPOINT USER PASSWORD [--message-id-start N] SCENARIO [ARGS...]
//   get CLASS KEY=VALUE
//   enumerate CLASS                      Enumerate, then Pull until EndOfSequence
//   put CLASS INSTANCEID BEFORE AFTER     Create (ElementName BEFORE), Put (ElementName AFTER), Get, Delete
//   invoke-static CLASS METHOD           static method, no selectors, empty METHOD_INPUT
//   invoke CLASS KEY=VALUE METHOD PARAM=VALUE...
//   fresh-sessions CLASS KEY=VALUE       two new message creators (IDs restart at 0), one Get each
//
// The package numbers messages 0, 1, 2... per WSManMessageCreator. --message-id-start starts the counter elsewhere
// (the tests give each run a random start, like a long-lived client whose counter is far along).
'use strict'

const http = require('http')
const { WSManMessageCreator, Base } = require('@device-management-toolkit/wsman-messages/WSMan')
const packageVersion = require('@device-management-toolkit/wsman-messages/package.json').version

const DMTF = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/'

/** A CCT_ class through the package's generic Base (Get/Enumerate/Pull/Put/Create/Delete). */
class CctClass extends Base {
  constructor (creator, className) {
    super(creator)
    this.className = className
  }

  Put (data) { return this.protectedPut(data, true) }
  Create (data) { return this.protectedCreate(data) }
  Delete (selector) { return this.protectedDelete(selector) }
}

function post (endpoint, user, password, xml) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(xml, 'utf8')
    const request = http.request(endpoint, {
      method: 'POST',
      auth: `${user}:${password}`,
      headers: { 'Content-Type': 'application/soap+xml;charset=UTF-8', 'Content-Length': body.length }
    }, response => {
      const chunks = []
      response.on('data', c => chunks.push(c))
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.setTimeout(30000, () => request.destroy(new Error('no answer within 30 s')))
    request.end(body)
  })
}

// Tiny regex readers, enough for the flow control a client needs (the tests parse the XML properly).
const elementText = (xml, localName) => {
  const m = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${localName}>`).exec(xml)
  return m ? m[1].trim() : null
}
const hasElement = (xml, localName) => new RegExp(`<(?:[\\w.-]+:)?${localName}[\\s/>]`).test(xml)
const selectorOf = arg => { const i = arg.indexOf('='); return { name: arg.slice(0, i), value: arg.slice(i + 1) } }

async function main (argv) {
  let [endpoint, user, password, ...rest] = argv
  let messageIdStart = null
  if (rest[0] === '--message-id-start') {
    messageIdStart = Number(rest[1])
    rest = rest.slice(2)
  }
  const [scenario, ...args] = rest
  const exchanges = []
  const newCreator = () => {
    const creator = new WSManMessageCreator(DMTF)
    if (messageIdStart !== null) creator.messageId = messageIdStart
    return creator
  }
  const send = async (step, xml) => {
    const response = await post(endpoint, user, password, xml)
    exchanges.push({ step, request: xml, status: response.status, body: response.body })
    return response
  }

  const creator = newCreator()
  switch (scenario) {
    case 'get': {
      await send('get', new CctClass(creator, args[0]).Get(selectorOf(args[1])))
      break
    }
    case 'enumerate': {
      const cls = new CctClass(creator, args[0])
      let response = await send('enumerate', cls.Enumerate())
      for (let pulls = 0; pulls < 50 && response.status === 200; pulls++) {
        if (hasElement(response.body, 'EndOfSequence')) break
        const context = elementText(response.body, 'EnumerationContext')
        if (!context) break
        response = await send('pull', cls.Pull(context))
      }
      break
    }
    case 'put': {
      const [className, instanceId, before, after] = args
      const cls = new CctClass(creator, className)
      await send('create', cls.Create({ InstanceID: instanceId, ElementName: before }))
      await send('put', cls.Put({ InstanceID: instanceId, ElementName: after }))
      await send('get', cls.Get({ name: 'InstanceID', value: instanceId }))
      await send('delete', cls.Delete({ name: 'InstanceID', value: instanceId }))
      break
    }
    case 'invoke-static': {
      const [className, method] = args
      const header = creator.createHeader(`${DMTF}${className}/${method}`, className)
      await send('invoke', creator.createXml(header, creator.createBody(`${method}_INPUT`, className)))
      break
    }
    case 'invoke': {
      const [className, key, method, ...params] = args
      const input = {}
      for (const p of params) { const s = selectorOf(p); input[s.name] = s.value }
      const header = creator.createHeader(`${DMTF}${className}/${method}`, className, selectorOf(key))
      await send('invoke', creator.createXml(header, creator.createBody(`${method}_INPUT`, className, input)))
      break
    }
    case 'fresh-sessions': {
      for (const step of ['session-1', 'session-2']) {
        await send(step, new CctClass(newCreator(), args[0]).Get(selectorOf(args[1])))
      }
      break
    }
    default:
      process.stderr.write(`unknown scenario '${scenario}'\n`)
      return 2
  }

  process.stdout.write(JSON.stringify({ package: packageVersion, exchanges }) + '\n')
  return 0
}

main(process.argv.slice(2)).then(code => { process.exitCode = code }, error => {
  process.stderr.write(`${error.stack || error}\n`)
  process.exitCode = 1
})
