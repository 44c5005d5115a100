import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { type ConsentState, type StoryLanguage, storeInState, storyLanguage } from '../.storybook/consent-decorator';
import { App } from '../examples/shop/src/app';
import { pathFor, type Router, RouterContext } from '../examples/shop/src/router';
import { SHOP_TEXTS } from '../examples/shop/src/texts';
import '../examples/shop/src/styles.css';

/** The shop with its pages kept in memory, so that it runs inside Storybook's frame. */
function ShopInMemory({ language, consent }: { language: StoryLanguage; consent: ConsentState }) {
  const [path, setPath] = useState(pathFor(language, '/'));
  const router = useMemo<Router>(() => ({ usePath: () => path, navigate: setPath }), [path]);
  const store = useMemo(() => storeInState(consent), [consent]);
  return (
    <RouterContext.Provider value={router}>
      <App store={store} />
    </RouterContext.Provider>
  );
}

const meta = {
  title: 'Demo/Whole shop',
  component: ShopInMemory,
  parameters: { layout: 'fullscreen' },
  render: (_args, { globals }) => (
    <ShopInMemory
      key={`${globals.locale}:${globals.consent}`}
      language={storyLanguage(globals.locale)}
      consent={(globals.consent as ConsentState | undefined) ?? 'undecided'}
    />
  ),
  args: { language: 'fi', consent: 'undecided' },
} satisfies Meta<typeof ShopInMemory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo shop as a customer builds it: use the toolbar to change the language and the consent. */
export const WholeShop: Story = {
  play: async ({ canvas, userEvent, globals }) => {
    // A link of the shop's own pages, not a word of the consent UI.
    const products = SHOP_TEXTS[storyLanguage(globals.locale)].nav.products;
    await userEvent.click(canvas.getByRole('link', { name: products }));
    await canvas.findByRole('heading', { level: 1, name: products });
  },
};
