"""The Teams activity handler: translates activities, the dialogs decide."""
from __future__ import annotations

import asyncio
import base64
import logging
import shutil
import time
from dataclasses import replace
from http import HTTPStatus
from pathlib import Path
from typing import Any

from botbuilder.core import ActivityHandler, CardFactory, ConversationState, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    AttachmentLayoutTypes,
    CardAction,
    ChannelAccount,
    SuggestedActions,
)

from dialogs.conversation import Conversation, Incoming, Kind, Message, package_format
from packager.package import PackageError, build, private_dir

from .builds import BuildsBusy, PackageBuilds
from .cards import render_card, suggested
from .files import FILE_CONSENT, FILE_INFO, FileRefused, FileTransfer, PendingPackages, WorkFolder, requests_from
from .outgoing import PACKAGE, OutgoingFile, kind_of
from .sdk import FrozenJson, SentActivity
from .storage import StateConflict, StorageUnavailable

log = logging.getLogger(__name__)

CONFLICT_RETRIES = 3
INLINE_LIMIT = 4 * 1024 * 1024  # the largest package sent back inline where there is no Teams file consent
_MEDIA = {"7z": "application/x-7z-compressed", "zip": "application/zip"}
NO_FILE_CHANNELS = frozenset({"webchat"})  # the local browser chat (bot/webchat.py) carries no files


def to_activity(message: Message) -> Activity:
    activity = SentActivity(type=ActivityTypes.message, attachment_layout=AttachmentLayoutTypes.list,
                            attachments=[CardFactory.adaptive_card(FrozenJson(render_card(message)))])
    activity.summary = message.title[:200]
    options = suggested(message)
    if options:
        activity.suggested_actions = SuggestedActions(actions=[
            CardAction(type=ActionTypes.im_back, title=o.title[:50], value=o.value) for o in options])
    return activity


def _attachments(activity: Activity) -> list[dict]:
    return [{"contentType": a.content_type, "contentUrl": a.content_url, "content": a.content, "name": a.name}
            for a in activity.attachments or () if a is not None]


def _personal(activity: Activity) -> bool:
    """A one-to-one chat. Teams says "personal", "groupChat" or "channel"; Emulator and Web Chat say nothing
    and are one-to-one by nature."""
    kind = activity.conversation.conversation_type if activity.conversation is not None else None
    return kind in (None, "", "personal")


class SafeShareBot(ActivityHandler):
    def __init__(self, conversation: Conversation, conversation_state: ConversationState,
                 transfer: FileTransfer | None = None, pending: PendingPackages | None = None,
                 local_out: Path | None = None, work: WorkFolder | None = None, reports_path: Path | None = None,
                 builds: PackageBuilds | None = None, reminders=None, fax_log_path: Path | None = None):
        self.conversation = conversation
        self.work = work  # where originals are fetched to: SafeShare's own folder (bot/files.py)
        self.state = conversation_state
        self.accessor = conversation_state.create_property("safeshare")
        self.transfer = transfer if transfer is not None else FileTransfer()
        self.pending = pending if pending is not None else PendingPackages()  # it has a len(): no "or"
        self.local_out = local_out  # the terminal chat: packages are saved here
        self.reports_path = reports_path  # the breach and near-miss register; None: SAFESHARE_REPORTS or the default
        self.builds = builds if builds is not None else PackageBuilds()  # its own threads, a bounded queue
        self.reminders = reminders  # Hub follow-up reminders (bot/reminders.py); None: not kept here
        self.fax_log_path = fax_log_path  # the team's fax log; None: SAFESHARE_FAX_LOG or the default

    # State is read and saved in on_message_activity, the only turn that changes it.

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext):
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(m.id != bot_id for m in members_added or []):
            await self._send(turn_context, self.conversation.welcome())

    async def on_message_activity(self, turn_context: TurnContext):
        activity = turn_context.activity
        started = time.perf_counter()
        text = activity.text if isinstance(activity.text, str) else ""
        data = activity.value if isinstance(activity.value, dict) else None
        files = requests_from(_attachments(activity))
        personal = _personal(activity)
        if files and not personal:  # refused before anything is downloaded
            log.info("package.not_personal", extra={"files": len(files)})
            await self._send(turn_context, [self.conversation.personal_only()])
            return
        for attempt in range(CONFLICT_RETRIES):
            saved = True
            try:
                await self.state.load(turn_context, force=attempt > 0)
                state = await self.accessor.get(turn_context, dict)
            except StorageUnavailable:
                saved, state = False, {}
            if files:
                await self._package(turn_context, package_format(state), files)
                return
            new_state, messages = self.conversation.turn(
                state, Incoming(text[:4000], data, personal, files=activity.channel_id not in NO_FILE_CHANNELS))
            if saved:
                try:
                    await self.accessor.set(turn_context, new_state)
                    await self.state.save_changes(turn_context)
                except StateConflict:  # another turn of this conversation saved first: read it and redo
                    log.info("state.conflict", extra={"attempt": attempt + 1})
                    continue
                except StorageUnavailable:
                    saved = False
            if not saved:
                messages = self._without_storage(new_state, messages)
            messages = await self._record_reports(messages)
            messages = await self._record_faxes(messages)
            if any(m.reminder is not None for m in messages):  # set, list or cancel: bot/reminders.py
                from .reminders import address_of, fulfil

                messages = await fulfil(self.reminders, messages, address_of(activity), self.conversation.clock())
            if any(m.cover is not None for m in messages):
                await self._fax_pdf(turn_context, messages)
            else:
                await self._send(turn_context, messages)
            log.info("turn.handled", extra={"kinds": [m.kind.value for m in messages], "saved": saved,
                                            "ms": round((time.perf_counter() - started) * 1000, 1)})
            return
        await self._send(turn_context, [Message(
            Kind.NOTICE, "One moment, please.",
            ("Several of your messages arrived at the same time and I could not take this one. Please send it again.",))])

    def _without_storage(self, new_state: dict, messages: list[Message]) -> list[Message]:
        """The store is down: one-shot answers still work; a guided check cannot go on."""
        notice = Message(Kind.NOTICE, "I cannot save your progress just now.",
                         ("So the guided check cannot continue at the moment. You can still type a question in "
                          "your own words and get an answer. If a child is at risk, ring the Safeguarding Hub "
                          "on 0333 240 1727.",))
        check = new_state.get("check")
        if check is not None and (check.get("asking") or not check.get("done")):  # a finished one only serves `back`
            return [notice]
        return messages + [notice]

    async def _record_reports(self, messages: list[Message]) -> list[Message]:
        """Keep each breach or near-miss report (ids and a date) in the register, and say whether it was kept."""
        from .reports import ReportStoreError, record

        out: list[Message] = []
        for message in messages:
            out.append(message)
            if message.report is None:
                continue
            try:
                number = await asyncio.to_thread(record, message.report, self.conversation.clock().date(),
                                                 self.reports_path)
            except ReportStoreError:
                log.error("report.not_recorded")
                out.append(Message(Kind.NOTICE, "The report could not be recorded.",
                                   ("Tell your manager and the information governance team anyway: they keep the "
                                    "council's record of breaches and near misses.",)))
                continue
            log.info("report.recorded", extra={"report": number, "incident": message.report.incident})
            out.append(Message(Kind.NOTICE, f"Report {number} recorded.",
                               ("Only your choices and the date were kept: nothing that names anyone.",)))
        return out

    async def _record_faxes(self, messages: list[Message]) -> list[Message]:
        """Write each fax the card describes to the fax log (Faxes 10); say whether it was kept. Nothing of it is logged."""
        if not any(m.fax_record is not None for m in messages):
            return messages
        from .faxlog import FaxEntry, FaxLog, FaxLogError, now

        def write(record) -> int:
            with FaxLog(self.fax_log_path) as faxes:  # opened per entry and closed, as the CLI does
                return faxes.add(FaxEntry(now(), record.sender, record.receiver, record.receiver_org,
                                          record.fax_number, record.pages, record.receipt_confirmed,
                                          record.transmission_record))

        out: list[Message] = []
        for message in messages:
            if message.fax_record is None:
                out.append(message)
                continue
            try:
                number = await asyncio.to_thread(write, message.fax_record)
            except FaxLogError:
                log.error("fax.not_logged")
                out.append(Message(Kind.NOTICE, "The fax could not be logged.", (
                    "Nothing was kept. Write it in the team's fax log another way (Faxes 10: numbers, sender, "
                    "receiver, date), and tell your manager if this keeps happening.",)))
                continue
            log.info("fax.logged", extra={"entry": number})
            out.append(Message(Kind.FAX_LOGGED, f"Fax {number} logged.", message.lines +
                               ("Kept: the date, who sent it, who it went to, the number and the pages. "
                                "Nothing of the fax itself.",), options=message.options))
        return out

    async def _send(self, turn_context: TurnContext, messages: list[Message]) -> None:
        await turn_context.send_activities([to_activity(m) for m in messages])

    # -- encrypted packages ------------------------------------------------
    async def _package(self, turn_context: TurnContext, fmt: str, files) -> None:
        started = time.perf_counter()
        sender = turn_context.activity.from_property
        user = (sender.id if sender is not None and sender.id else None) or turn_context.activity.conversation.id
        try:
            async with self.builds.slot(user):  # one package per user; a full queue says so at once
                with self.work.turn() if self.work else private_dir() as work:  # the originals never outlive the turn
                    sources = await self.transfer.fetch_all(files, work)  # count and total checked as they come
                    # py7zr and pyzipper work on the builds' own threads: other turns keep theirs meanwhile.
                    package = await self.builds.run(build, sources, work, fmt=fmt, max_bytes=self.transfer.max_bytes)
                    ready, password = self.conversation.packaged(package)
                    outgoing = OutgoingFile(package.path, package.name, package.size, _MEDIA[package.format], PACKAGE)
                    await self._deliver(turn_context, outgoing, [ready], [password])
        except BuildsBusy as busy:
            await self._send(turn_context, [Message(Kind.NOTICE, "One moment, please.", (str(busy),))])
            return
        except (FileRefused, PackageError) as refusal:
            log.info("package.refused", extra={"files": len(files)})
            again = self.conversation.encrypt_prompt(fmt).options
            await self._send(turn_context, [Message(Kind.NOTICE, "I could not make the package.", (str(refusal),),
                                                    options=again)])
            return
        log.info("package.made", extra={"files": len(files), "format": fmt, "bytes": package.size,
                                        "ms": round((time.perf_counter() - started) * 1000, 1)})

    # -- files given back: packages, fax cover sheets ----------------------
    async def _fax_pdf(self, turn_context: TurnContext, messages: list[Message]) -> None:
        """The cover sheet's words, then its PDF: made in the work folder, gone when this turn ends unless held."""
        from .faxcover import cover_file

        sheet = next(m.cover for m in messages if m.cover is not None)
        try:
            with self.work.turn() if self.work else private_dir() as work:
                try:
                    pdf = await asyncio.to_thread(cover_file, sheet, work, self.conversation.clock().date())
                except (OSError, ValueError) as error:  # ValueError: an address too long for one page
                    log.warning("fax.pdf_failed", extra={"error": type(error).__name__})
                    await self._send(turn_context, messages + [Message(
                        Kind.NOTICE, "The PDF could not be made.",
                        ("Print the cover sheet above on letter headed paper instead, or make the PDF with "
                         "safeshare fax-cover on your computer. Nothing was kept.",))])
                    return
                await self._deliver(turn_context, pdf, messages, [])
        except FileRefused as refusal:  # raised before anything was sent: the words still go
            await self._send(turn_context, messages + [Message(Kind.NOTICE, "I could not send the PDF.",
                                                               (str(refusal),))])
            return
        log.info("fax.pdf_sent", extra={"bytes": pdf.size, "channel": turn_context.activity.channel_id})

    async def _deliver(self, turn_context: TurnContext, file: OutgoingFile, before: list[Message],
                       after: list[Message]) -> None:
        """Give `file` back: Teams file consent, the terminal's folder, or inline; `before` and `after` around it."""
        activity = turn_context.activity
        kind = file.kind
        if activity.channel_id == "msteams":
            try:  # personal data in the clear stays on this instance's disk, never in a shared store
                token = await self.pending.hold(file.path, file.name, file.size, activity.conversation.id,
                                                kind=kind.id, local=kind.plaintext)
            except Exception as error:  # noqa: BLE001 - e.g. the blob store is down; the file goes with the turn
                log.warning("file.hold_failed", extra={"kind": kind.id, "error": type(error).__name__})
                raise FileRefused(f"The {kind.noun} could not be kept for the upload just now. Nothing was kept; "
                                  "please try again in a minute.") from None
            minutes = max(1, round(self.pending.hold_seconds / 60))
            # The context's key stays "package" for every kind: consent cards already sent carry it.
            consent = Attachment(content_type=FILE_CONSENT, name=file.name, content={
                "description": kind.offer.format(minutes=minutes), "sizeInBytes": file.size,
                "acceptContext": {"package": token}, "declineContext": {"package": token}})
            await turn_context.send_activities([to_activity(m) for m in before] + [MessageFactory.attachment(consent)]
                                               + [to_activity(m) for m in after])
        elif self.local_out is not None and activity.channel_id == "terminal":
            target = self.local_out / file.name
            shutil.move(file.path, target)  # the private folder may be on another file system
            first = before[0]
            saved = replace(first, lines=(f"Saved as {target}",) + first.lines)
            await self._send(turn_context, [saved, *before[1:], *after])
        elif file.size <= INLINE_LIMIT:
            data = base64.b64encode(file.path.read_bytes()).decode()
            inline = Attachment(content_type=file.media_type, name=file.name,
                                content_url=f"data:{file.media_type};base64,{data}")
            await turn_context.send_activities([to_activity(m) for m in before] + [MessageFactory.attachment(inline)]
                                               + [to_activity(m) for m in after])
        else:
            await self._send(turn_context, [Message(
                Kind.NOTICE, f"The {kind.noun} is too large to send back here.",
                (f"Here I can return files up to {INLINE_LIMIT // (1024 * 1024)} MB. Use SafeShare in Teams, "
                 "or `safeshare encrypt` on your computer. Nothing was kept.",))])

    async def on_invoke_activity(self, turn_context: TurnContext):
        if turn_context.activity.name == "fileConsent/invoke":
            return await self._on_file_consent(turn_context)
        return await super().on_invoke_activity(turn_context)

    async def _on_file_consent(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        value: Any = activity.value if isinstance(activity.value, dict) else {}
        action = value.get("action")
        context = value.get("context") if isinstance(value.get("context"), dict) else {}
        if action not in ("accept", "decline"):
            return InvokeResponse(status=HTTPStatus.BAD_REQUEST)
        held = await self.pending.take(context.get("package"), activity.conversation.id)
        kind = kind_of(held.kind if held is not None else None)
        if action == "decline":
            await self.pending.discard(held)
            noun = kind.noun if held is not None else "file"
            await self._send(turn_context, [Message(Kind.NOTICE, f"Upload declined. The {noun} was deleted; "
                                                                 "nothing was kept.")])
            return InvokeResponse(status=HTTPStatus.OK)
        if held is None:
            await self._send(turn_context, [Message(
                Kind.NOTICE, "That file is no longer available.",
                ("A package or cover sheet waits for a short time only, and only in the chat it was made in. "
                 "Send the file again for a new package with a new password, or type fax for a new cover sheet.",))])
            return InvokeResponse(status=HTTPStatus.OK)
        info = value.get("uploadInfo") if isinstance(value.get("uploadInfo"), dict) else {}
        try:
            await self.transfer.upload(held.path, str(info.get("uploadUrl") or ""))
        except FileRefused as refusal:
            await self._send(turn_context, [Message(Kind.NOTICE, f"The {kind.noun} could not be uploaded.",
                                                    (str(refusal), kind.again))])
            return InvokeResponse(status=HTTPStatus.OK)
        finally:
            await self.pending.discard(held)
        card = Attachment(content_type=FILE_INFO, name=str(info.get("name") or held.name),
                          content_url=str(info.get("contentUrl") or ""),
                          content={"uniqueId": info.get("uniqueId"), "fileType": info.get("fileType")})
        note = Message(Kind.NOTICE, kind.uploaded[0], kind.uploaded[1:])
        await turn_context.send_activities([MessageFactory.attachment(card), to_activity(note)])
        log.info("file.uploaded", extra={"kind": kind.id, "bytes": held.size})
        return InvokeResponse(status=HTTPStatus.OK)
