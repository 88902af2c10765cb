import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have moved, or it belongs to someone else.</p>
      <p>
        <Link href="/">Back to the start</Link>
      </p>
    </div>
  );
}
