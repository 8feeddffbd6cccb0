"""Python imaplib against the IMAP simulator: a second, independent client (issue 3: not only MailKit).

Usage: python3 imaplib_client.py <host> <port> <user> <password> <cafile>
Prints one line per step, "OK <step> <detail>"; any failure raises and exits non-zero.
"""
import imaplib
import ssl
import sys

host, port, user, password, cafile = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
context = ssl.create_default_context(cafile=cafile)
context.check_hostname = False
context.minimum_version = ssl.TLSVersion.TLSv1_2

imap = imaplib.IMAP4(host, port)
assert "STARTTLS" in imap.capabilities and "LOGINDISABLED" in imap.capabilities, imap.capabilities
typ, _ = imap.starttls(ssl_context=context)
assert typ == "OK"
typ, data = imap.login(user, password)
assert typ == "OK", data
print("OK login", data[0].decode())

typ, data = imap.select("INBOX")
assert typ == "OK" and data[0] == b"1", (typ, data)
print("OK select", data[0].decode())

typ, data = imap.fetch("1", "(UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])")
assert typ == "OK", data
header = data[0][1].decode()
assert "Subject: XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie" in header and "X-MSS-NIL" not in header, header
print("OK header-fields", len(data[0][1]))

typ, data = imap.fetch("1", "(BODY[]<0.10>)")
assert typ == "OK" and len(data[0][1]) == 10, data
print("OK partial", data[0][1][:10])

typ, data = imap.fetch("1", "(BODY[])")
full = data[0][1]
typ, data = imap.fetch("1", "(FLAGS)")
assert b"\\Seen" in data[0], data
print("OK seen-after-body", len(full))

typ, data = imap.uid("SEARCH", None, "FROM", '"dr.martin"')
assert typ == "OK" and len(data[0].split()) == 1, data
uid = data[0].split()[0]
print("OK uid-search", uid.decode())

typ, data = imap.create("Archives")
assert typ == "OK", data
typ, data = imap.uid("COPY", uid, "Archives")
assert typ == "OK", data
code, data = imap.response("COPYUID")
assert data[0] is not None and data[0].endswith(b" 1 1"), data
print("OK uid-copy", data[0].decode())

typ, data = imap.append("Archives", "(\\Seen)", imaplib.Time2Internaldate(1.7e9), full)
assert typ == "OK", data
code, data = imap.response("APPENDUID")
assert data[0] is not None and data[0].endswith(b" 2"), data
print("OK append", data[0].decode())

typ, data = imap.status("Archives", "(MESSAGES UNSEEN UIDNEXT)")
assert typ == "OK" and b"MESSAGES 2" in data[0], data
print("OK status", data[0].decode())

typ, data = imap.list()
assert typ == "OK" and any(b"Archives" in line for line in data) and any(b"INBOX" in line for line in data), data
print("OK list", len(data))

typ, data = imap.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
assert typ == "OK", data
typ, data = imap.expunge()
assert typ == "OK" and data == [b"1"], data
print("OK expunge", data[0].decode())

typ, data = imap.search(None, "ALL")
assert typ == "OK" and data == [b""], data
imap.close()
imap.logout()
print("OK logout")
