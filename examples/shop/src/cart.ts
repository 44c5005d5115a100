import { useCallback } from 'react';
import { createLocalValue, useLocalValue } from './local-value';

/** Product id -> quantity. */
export type Cart = Readonly<Record<string, number>>;

const EMPTY: Cart = {};

/** The cart is a necessary storage item (`cart` in the shop's policy): it is kept whatever the visitor chose. */
const cartValue = createLocalValue<Cart>('cart', EMPTY);

export function useCart() {
  const [cart, setCart] = useLocalValue(cartValue, EMPTY);
  const add = useCallback((id: string) => setCart({ ...cart, [id]: (cart[id] ?? 0) + 1 }), [cart, setCart]);
  const setQuantity = useCallback(
    (id: string, quantity: number) => {
      const next = { ...cart };
      if (quantity > 0) next[id] = quantity;
      else delete next[id];
      setCart(next);
    },
    [cart, setCart],
  );
  const count = Object.values(cart).reduce((sum, quantity) => sum + quantity, 0);
  return { cart, count, add, setQuantity };
}
