#!/usr/bin/python3
"""pywinrm (Debian python3-winrm) driving a WS-Management endpoint the way pywinrm-based tools do.

Envelopes are built like pywinrm builds its own: ``Protocol._get_soap_header`` (a:To, ReplyTo, MaxEnvelopeSize
153600, MessageID, Locale, p:DataLocale, OperationTimeout, ResourceURI, Action, all with pywinrm's own
unprefixed ``mustUnderstand`` attributes) plus a body, serialised with ``xmltodict.unparse`` and sent with
``Protocol.send_message``. The CimCloud conformance tests run this script and assert on what it prints.

usage: winrm_client.py ENDPOINT USER PASSWORD SCENARIO [ARGS...]
  identify
  get CLASS KEY=VALUE...
  enumerate CLASS MAX_ELEMENTS        Enumerate, then Pull until EndOfSequence
  create-get-delete SYSTEMNAME PORT PROTO
  fault CLASS KEY=VALUE...            a request expected to fault

Prints one JSON object: {"exchanges": [{"step", "response" | "error_type", "error"}...], ...}.
"""

import importlib.metadata
import json
import sys
import xml.etree.ElementTree as ET

import xmltodict
import winrm
from winrm.exceptions import WinRMError, WinRMTransportError

DMTF = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/'
TRANSFER = 'http://schemas.xmlsoap.org/ws/2004/09/transfer/'
ENUMERATION = 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/'
NS = {
    's': 'http://www.w3.org/2003/05/soap-envelope',
    'a': 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
    'w': 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
    'n': 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
    'x': 'http://schemas.xmlsoap.org/ws/2004/09/transfer',
}


def text(value):
    return value.decode('utf-8') if isinstance(value, bytes) else value


class Client:
    def __init__(self, endpoint, user, password):
        self.protocol = winrm.protocol.Protocol(
            endpoint, transport='basic', username=user, password=password,
            server_cert_validation='ignore')
        self.exchanges = []

    def envelope(self, action, resource_uri, selectors=None, body=None):
        req = {'env:Envelope': self.protocol._get_soap_header(action=action, resource_uri=resource_uri)}
        if selectors:
            req['env:Envelope']['env:Header']['w:SelectorSet'] = {
                'w:Selector': [{'@Name': k, '#text': v} for k, v in selectors]}
        req['env:Envelope']['env:Body'] = body if body is not None else {}
        return xmltodict.unparse(req)

    def send(self, step, xml):
        """Protocol.send_message; returns the response text, or None after recording the exception."""
        try:
            response = text(self.protocol.send_message(xml))
            self.exchanges.append({'step': step, 'response': response})
            return response
        except (WinRMError, WinRMTransportError) as ex:
            self.exchanges.append({'step': step, 'error_type': type(ex).__name__, 'error': str(ex)})
            return None

    def raw_fault(self, step, xml):
        """The transport underneath send_message: keeps the whole fault envelope (HTTP status and body)."""
        try:
            response = text(self.protocol.transport.send_message(xml))
            self.exchanges.append({'step': step, 'response': response})
        except WinRMTransportError as ex:
            self.exchanges.append({'step': step, 'error_type': type(ex).__name__, 'http_status': ex.code,
                                   'error': text(ex.response_text)})


def parse_selectors(args):
    return [tuple(a.split('=', 1)) for a in args]


def identify(client, _args):
    xml = xmltodict.unparse({'env:Envelope': {
        '@xmlns:env': NS['s'],
        '@xmlns:wsmid': 'http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd',
        'env:Header': None,
        'env:Body': {'wsmid:Identify': None}}})
    client.send('identify', xml)


def get(client, args):
    client.send('get', client.envelope(TRANSFER + 'Get', DMTF + args[0], parse_selectors(args[1:])))


def enumerate_pull(client, args):
    uri, max_elements = DMTF + args[0], args[1]
    response = client.send('enumerate', client.envelope(ENUMERATION + 'Enumerate', uri, body={'n:Enumerate': {}}))
    pulls = 0
    while response is not None and pulls < 50:
        root = ET.fromstring(response)
        if root.find('.//n:EndOfSequence', NS) is not None or root.find('.//w:EndOfSequence', NS) is not None:
            break
        context = root.find('.//n:EnumerationContext', NS)
        if context is None or not (context.text or '').strip():
            break
        pulls += 1
        response = client.send('pull', client.envelope(ENUMERATION + 'Pull', uri, body={'n:Pull': {
            'n:EnumerationContext': context.text.strip(), 'n:MaxElements': max_elements}}))


def create_get_delete(client, args):
    system_name, port, proto = args
    uri = DMTF + 'CCT_Port'
    created = client.send('create', client.envelope(TRANSFER + 'Create', uri, body={'p:CCT_Port': {
        '@xmlns:p': uri, 'p:SystemName': system_name, 'p:PortNumber': port, 'p:Proto': proto}}))
    if created is None:
        return
    # Address the new instance by the EPR the server returned, as a client would.
    epr = ET.fromstring(created).find('.//x:ResourceCreated/a:ReferenceParameters', NS)
    epr_uri = epr.find('w:ResourceURI', NS).text
    selectors = [(s.get('Name'), s.text) for s in epr.findall('w:SelectorSet/w:Selector', NS)]
    client.send('get', client.envelope(TRANSFER + 'Get', epr_uri, selectors))
    client.send('delete', client.envelope(TRANSFER + 'Delete', epr_uri, selectors))
    client.send('get-after-delete', client.envelope(TRANSFER + 'Get', epr_uri, selectors))


def fault(client, args):
    uri, selectors = DMTF + args[0], parse_selectors(args[1:])
    client.send('send_message', client.envelope(TRANSFER + 'Get', uri, selectors))
    client.raw_fault('transport', client.envelope(TRANSFER + 'Get', uri, selectors))


SCENARIOS = {
    'identify': identify,
    'get': get,
    'enumerate': enumerate_pull,
    'create-get-delete': create_get_delete,
    'fault': fault,
}


def pywinrm_version():
    try:
        return importlib.metadata.version('pywinrm')
    except importlib.metadata.PackageNotFoundError:
        return 'unknown'


def main(argv):
    if len(argv) < 5 or argv[4] not in SCENARIOS:
        sys.stderr.write(__doc__)
        return 2
    client = Client(argv[1], argv[2], argv[3])
    SCENARIOS[argv[4]](client, argv[5:])
    json.dump({'pywinrm': pywinrm_version(), 'exchanges': client.exchanges}, sys.stdout)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
