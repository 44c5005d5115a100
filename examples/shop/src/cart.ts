import { useCallback } from 'react';
import { useConsentedStorage } from 'react-consent-policy';

/** Product id -> quantity. */
export type Cart = Readonly<Record<string, number>>;

const EMPTY: Cart = {};

/**
 * The cart is a necessary storage item (`cart` in the shop's policy, 30 days): kept whatever the visitor
 * chose, and never longer than the policy says.
 */
export function useCart() {
  const [stored, setCart] = useConsentedStorage<Cart>('necessary', 'cart');
  const cart = stored ?? EMPTY;
  const add = useCallback(
    (id: string) => setCart((previous) => ({ ...previous, [id]: (previous?.[id] ?? 0) + 1 })),
    [setCart],
  );
  const setQuantity = useCallback(
    (id: string, quantity: number) =>
      setCart((previous) => {
        const next = { ...previous };
        if (quantity > 0) next[id] = quantity;
        else delete next[id];
        return next;
      }),
    [setCart],
  );
  const count = Object.values(cart).reduce((sum, quantity) => sum + quantity, 0);
  return { cart, count, add, setQuantity };
}
