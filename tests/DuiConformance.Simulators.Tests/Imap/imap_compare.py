"""The same IMAP script for the simulator and for dovecot, printing one normalized line per step:
step <TAB> status <TAB> data. Usage: python3 imap_compare.py host port user password cafile message.eml"""
import imaplib
import re
import ssl
import sys

host, port, user, password, cafile, message_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
context = ssl.create_default_context(cafile=cafile)
context.check_hostname = False
imap = imaplib.IMAP4(host, port)
imap.starttls(ssl_context=context)
imap.login(user, password)


def flatten(data):
    parts = []
    for item in data or []:
        if isinstance(item, tuple):
            parts.extend(part for part in item if isinstance(part, bytes))
        elif isinstance(item, bytes):
            parts.append(item)
    text = b" ".join(parts).decode("utf-8", "replace")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text


def step(name, call):
    try:
        typ, data = call()
    except imaplib.IMAP4.error as error:
        text = str(error).lower()
        typ, data = ("BAD" if "bad" in text[:40] or "command" in text[:40] else "NO"), [str(error).encode()]
    print(f"{name}\t{typ}\t{flatten(data)}", flush=True)


with open(message_file, "rb") as stream:
    message = stream.read()

step("append", lambda: (imap.append("INBOX", None, None, message)[0], []))
step("select", lambda: imap.select("INBOX"))
step("bodystructure", lambda: imap.fetch("1", "(BODYSTRUCTURE)"))
step("envelope", lambda: imap.fetch("1", "(ENVELOPE)"))
step("header-fields", lambda: imap.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])"))
step("header-fields-not", lambda: imap.fetch("1", "(BODY.PEEK[HEADER.FIELDS.NOT (SUBJECT FROM DATE MESSAGE-ID X-MSS-NIL TO MIME-VERSION)])"))
step("part-1", lambda: imap.fetch("1", "(BODY.PEEK[1])"))
step("part-2-mime", lambda: imap.fetch("1", "(BODY.PEEK[2.MIME])"))
step("text-partial", lambda: imap.fetch("1", "(BODY.PEEK[TEXT]<0.20>)"))
step("size", lambda: imap.fetch("1", "(RFC822.SIZE)"))
step("search-from", lambda: imap.search(None, "FROM", "martin"))
step("search-unseen", lambda: imap.search(None, "UNSEEN"))
step("search-subject", lambda: imap.search(None, "SUBJECT", "lettre"))
step("search-or-not", lambda: imap.search(None, "OR", "SEEN", "NOT", "FLAGGED"))
step("store-flagged", lambda: imap.store("1", "+FLAGS", "(\\Flagged)"))
step("search-flagged", lambda: imap.search(None, "FLAGGED"))
step("fetch-out-of-range", lambda: imap.fetch("5", "(FLAGS)"))
step("uid-fetch-missing", lambda: imap.uid("FETCH", "99", "(FLAGS)"))
step("select-missing", lambda: imap.select("Nowhere"))
step("reselect", lambda: imap.select("INBOX"))
step("copy-missing", lambda: imap._simple_command("COPY", "1", "Nowhere"))
step("create-inbox", lambda: imap.create("INBOX"))
step("create-folder", lambda: imap.create("Dossiers"))
def normalized_list():
    typ, data = imap.list('""', "*")
    # Note: the hierarchy delimiter is configuration (dovecot's maildir uses "."), and LIST order is not specified.
    return typ, sorted(re.sub(rb'"[./]"', b'"<delimiter>"', line) for line in data)


step("list", normalized_list)
step("status", lambda: imap.status("INBOX", "(MESSAGES UNSEEN)"))
step("examine", lambda: imap.select("INBOX", readonly=True))
step("logout", lambda: imap.logout())
