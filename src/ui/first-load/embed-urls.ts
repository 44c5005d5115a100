// The addresses of the embeds a shop uses most, in their most private form. Each checks its input and
// throws a sentence that says what was wrong: a wrong id would otherwise embed someone else's page.

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^[1-9][0-9]{0,14}$/;
// A place or an address as a visitor would type it: printable text, no control characters.
const MAP_QUERY = /^[^\p{Cc}\p{Cs}]{1,300}$/u;

/**
 * A YouTube video on `www.youtube-nocookie.com` (YouTube's privacy-enhanced mode: no YouTube cookies until
 * the visitor plays the video): `youtubeEmbed('dQw4w9WgXcQ')`. The id is the 11 characters after `v=`.
 */
export function youtubeEmbed(videoId: string): string {
  if (typeof videoId !== 'string' || !YOUTUBE_ID.test(videoId)) {
    throw new TypeError(
      `youtubeEmbed: ${JSON.stringify(videoId)} is not a YouTube video id; give the 11 characters after "v=" in the video's address.`,
    );
  }
  return `https://www.youtube-nocookie.com/embed/${videoId}`;
}

/** A Vimeo video with Do Not Track on (`dnt=1`: Vimeo's player then sets no cookies): `vimeoEmbed('76979871')`. */
export function vimeoEmbed(videoId: string | number): string {
  const id = String(videoId);
  if (!VIMEO_ID.test(id)) {
    throw new TypeError(
      `vimeoEmbed: ${JSON.stringify(videoId)} is not a Vimeo video id; give the number in the video's address.`,
    );
  }
  return `https://player.vimeo.com/video/${id}?dnt=1`;
}

/**
 * A Google Maps map of a place or an address, in the form that needs no API key
 * (`https://maps.google.com/maps?q=…&output=embed`): `googleMapsEmbed('Esimerkkikatu 1, Helsinki')`.
 * The Maps Embed API (`www.google.com/maps/embed/v1/place?key=…`) works too with `<ConsentEmbed>`, with
 * `www.google.com` among the service's hosts; it needs a key of the shop's.
 */
export function googleMapsEmbed(query: string): string {
  const place = typeof query === 'string' ? query.trim() : '';
  if (!MAP_QUERY.test(place)) {
    throw new TypeError(
      `googleMapsEmbed: ${JSON.stringify(query)} is not a place; give an address or a place's name (1-300 characters).`,
    );
  }
  return `https://maps.google.com/maps?q=${encodeURIComponent(place)}&output=embed`;
}
