# aiosmtpd handler for the tests: Debian's Mailbox handler (stores each message in a maildir) that can refuse.
# A file "refuse" beside the maildir holds how many next messages to refuse with 451 (a passing failure,
# RFC 5321 4.2.1), or "all". Recipients starting with "bounce" are refused with 550 (permanent).
import os
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    def __init__(self, mail_dir, control):
        super().__init__(mail_dir)
        self.control = control

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(self.control):
            with open(self.control) as f:
                value = f.read().strip()
            if value == "all":
                return "451 4.3.0 Mail server temporarily unavailable"
            left = int(value or "0")
            if left > 0:
                with open(self.control, "w") as f:
                    f.write(str(left - 1))
                return "451 4.3.0 Mail server temporarily unavailable"
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0], args[1])
