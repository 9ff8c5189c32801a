// The local web chat page: a token for a new conversation, then Microsoft's Web Chat over Direct Line
// (polling this server; bot/webchat.py). Web Chat is MIT-licensed: /webchat.LICENSE.txt.
(async function () {
  'use strict';
  const host = document.getElementById('webchat');
  function fail(text) {
    const status = document.createElement('p');
    status.id = 'status';
    status.textContent = text;
    host.replaceChildren(status);
  }
  if (!window.WebChat) {
    fail('The Web Chat script did not load. Is safeshare serve still running?');
    return;
  }
  let session;
  try {
    const response = await fetch('/v3/directline/tokens/generate', { method: 'POST' });
    if (!response.ok) {
      throw new Error('status ' + response.status);
    }
    session = await response.json();
  } catch (error) {
    fail('Could not start a conversation with SafeShare (' + error.message + '). Is safeshare serve running?');
    return;
  }
  const directLine = window.WebChat.createDirectLine({
    domain: window.location.origin + '/v3/directline',
    token: session.token,
    webSocket: false,
    pollingInterval: 500
  });
  host.replaceChildren();
  window.WebChat.renderWebChat({
    directLine: directLine,
    locale: 'en-GB',
    styleOptions: {
      hideUploadButton: true, // files cannot be sent here: encrypted packages need Teams or safeshare encrypt
      botAvatarInitials: 'SS',
      userAvatarInitials: 'You',
      bubbleMaxWidth: 720
    }
  }, host);
})();
