"""What SafeShare says around an encrypted package: plain messages, any surface.

Two messages, always separate: the first goes with the package (its name,
size and which file became which inner name); the second carries the
password, its phonetic spelling and what to do next. The steps are the
knowledge files' checklists `package_sending`, `package_email_body` and
`package_receiving`, so they cite the protocol like every other answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.model import Policy

from packager.package import Package, human_size
from packager.password import phonetic

FORMAT_NOTES = {
    "7z": "7z with AES-256 and the file names encrypted too: nothing inside can be read, not even the names, "
          "without the password. 7-Zip opens it.",
    "zip": "ZIP with AES-256 (the format in the protocol's appendix). ZIP leaves the names of the files inside "
           "readable to anyone who has the package, which is why they are neutral (document-1 ...). "
           "7-Zip and WinZip open it; the Windows built-in ZIP folder does not.",
}


@dataclass(frozen=True, slots=True)
class PackageText:
    """The words for one package, for the CLI (text and JSON), the chat and the cards."""

    ready_title: str
    ready_lines: tuple[str, ...]
    password_title: str
    password: str
    spelling: str
    instructions: tuple[str, ...]
    email_body: str
    receiving: tuple[str, ...]
    citations: tuple[str, ...]

    def password_lines(self, in_chat: bool = True) -> tuple[str, ...]:
        """The password message. Says where the password still is: SafeShare keeps no copy, but a chat does."""
        if in_chat:
            where = ("SafeShare keeps no copy of it, but this message stays in your chat history (on the chat "
                     "service's servers and your devices) until you delete it. Ring the recipient and read it to "
                     "them, then delete this message (in Teams: More options on the message, then Delete; in a "
                     "terminal, clear the screen).")
        else:
            where = ("SafeShare keeps no copy of it: it is only on this screen and in your terminal's scrollback. "
                     "Ring the recipient and read it to them, then clear the screen.")
        lines = [f"Password: {self.password}", f"Spelt out: {self.spelling}",
                 where + " Never send it by email.", "", "What to do now:"]
        lines += [f"{n}. {step}" for n, step in enumerate(self.instructions, 1)]
        lines += ["", "Text for the body of the email:", self.email_body, "", "What the recipient does:"]
        lines += [f"- {step}" for step in self.receiving]
        lines += ["", "From the Information Sharing Protocol: " + "; ".join(self.citations) + "."]
        return tuple(lines)

    def to_json(self) -> dict[str, Any]:
        return {"password_spelt": self.spelling, "instructions": list(self.instructions),
                "email_body": self.email_body, "recipient_steps": list(self.receiving),
                "citations": list(self.citations)}


def describe(policy: Policy, package: Package) -> PackageText:
    sending = policy.checklists["package_sending"]
    body = policy.checklists["package_email_body"]
    receiving = policy.checklists["package_receiving"]
    cited_ids = {section for checklist in (sending, body, receiving) for item in checklist.items for section in item.cites}
    cited = [s.title for sid, s in policy.sections.items() if sid in cited_ids]  # in the protocol's order
    count = len(package.files)
    lines = [f"{package.name} ({human_size(package.size)}), {count} file{'s' if count != 1 else ''}. "
             + FORMAT_NOTES[package.format],
             "Inside it (shown to you only):"]
    lines += [f"{f.inner}: was {f.original}" + (" (name shown cleaned up)" if f.renamed_for_display else "")
              for f in package.files]
    lines.append("The password follows separately, below.")  # a message of its own in chat, its own block in a terminal
    return PackageText(
        ready_title="Your encrypted package is ready",
        ready_lines=tuple(lines),
        password_title=f"Password for {package.name}",
        password=package.password,
        spelling=phonetic(package.password),
        instructions=tuple(i.text for i in sending.items),
        email_body=" ".join(i.text for i in body.items),
        receiving=tuple(i.text for i in receiving.items),
        citations=tuple(cited),
    )
